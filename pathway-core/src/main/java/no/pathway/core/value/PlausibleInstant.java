package no.pathway.core.value;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The window of instants this service takes from outside (docs/events.md, docs/security.md). Java holds a billion
 * years either way and PostgreSQL from 4713 BC to 294276 AD, but no source means a time before 1900 or after 2200:
 * such a value is a bug or an attack, and once stored it breaks every read model that meets it. Every instant that
 * enters (an event's {@code occurredAt} and {@code scheduledAt}, a query's {@code at}, {@code knownAt},
 * {@code dueBefore}, {@code from}, {@code to}, a cursor) passes one of these rules. Reasons never echo the value.
 */
public final class PlausibleInstant {
    /** No instant before this one. */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    /** No instant at or after this one. */
    public static final Instant END = Instant.parse("2200-01-01T00:00:00Z");
    /** How far ahead an appointment may be booked. */
    public static final int SCHEDULE_YEARS = 10;

    private PlausibleInstant() {
    }

    /** For a query parameter or a cursor: within [{@link #EARLIEST}, {@link #END}). */
    public static Optional<String> problem(Instant value) {
        return value.isBefore(EARLIEST) || !value.isBefore(END)
                ? Optional.of("must lie from " + EARLIEST + " up to " + END) : Optional.empty();
    }

    /** For when something happened: not before {@link #EARLIEST} and at most {@code skew} (clock skew) after now. */
    public static Optional<String> occurrenceProblem(Instant value, Instant now, Duration skew) {
        if (value.isBefore(EARLIEST)) {
            return Optional.of("must not lie before " + EARLIEST);
        }
        return value.isAfter(now.plus(skew))
                ? Optional.of("lies more than " + skew.toMinutes() + " minutes in the future") : Optional.empty();
    }

    /** For an appointment: not before {@link #EARLIEST} and at most {@link #SCHEDULE_YEARS} years after now. */
    public static Optional<String> scheduleProblem(Instant value, Instant now) {
        Instant latest = now.atOffset(ZoneOffset.UTC).plusYears(SCHEDULE_YEARS).toInstant();
        return value.isBefore(EARLIEST) || value.isAfter(latest)
                ? Optional.of("must lie from " + EARLIEST + " up to " + SCHEDULE_YEARS + " years from now")
                : Optional.empty();
    }
}
