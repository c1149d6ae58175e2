package no.pathway.api.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock, shifted by an offset a test may set (and must reset), or frozen for exact arithmetic. */
public class TestClock extends Clock {
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozen;

    /** Stops the clock where it is; from now on only {@link #advance} moves it. */
    public TestClock freeze() {
        frozen = Instant.now();
        return this;
    }

    /** Stops the clock at exactly {@code instant}. */
    public TestClock freezeAt(Instant instant) {
        frozen = instant;
        offset = Duration.ZERO;
        return this;
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** From now on the clock reads {@code instant} (and runs on from there). */
    public void set(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public void reset() {
        offset = Duration.ZERO;
        frozen = null;
    }

    @Override
    public Instant instant() {
        Instant base = frozen;
        return (base == null ? Instant.now() : base).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
