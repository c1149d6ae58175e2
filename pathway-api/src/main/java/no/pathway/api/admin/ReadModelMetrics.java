package no.pathway.api.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import no.pathway.projections.BatchObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Read-model batches as metrics. {@code pathway.read_models.wait}: how long each batch's oldest event had waited
 * when the processor reached it, the projection lag as the service sees it. {@code pathway.read_models.batch}: how
 * long judging and writing a batch took. A batch that waited over 2 s or took over 1 s counts in
 * {@code pathway.read_models.slow} and is logged as a warning, at most one warning per 10 s (with how many slow
 * batches came since the last), so a backlog after a restart does not flood the log. No data is logged, only counts
 * and times: the benchmark saw rare stalls of seconds that no one caught in the act (docs/performance.md).
 */
@Component
public class ReadModelMetrics implements BatchObserver {
    static final Duration SLOW_WAIT = Duration.ofSeconds(2);
    static final Duration SLOW_BATCH = Duration.ofSeconds(1);
    private static final long QUIET_NANOS = Duration.ofSeconds(10).toNanos();
    private static final Logger LOG = LoggerFactory.getLogger(ReadModelMetrics.class);

    private final Timer waits;
    private final Timer batches;
    private final Counter slow;
    private final AtomicLong slowSinceWarning = new AtomicLong();
    private long lastWarning = System.nanoTime() - QUIET_NANOS;

    ReadModelMetrics(MeterRegistry registry) {
        this.waits = Timer.builder("pathway.read_models.wait")
                .description("How long a read-model batch's oldest event waited for the processor")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.batches = Timer.builder("pathway.read_models.batch")
                .description("Judging a read-model batch and writing its rows")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.slow = Counter.builder("pathway.read_models.slow")
                .description("Read-model batches that waited over 2 s or took over 1 s").register(registry);
    }

    @Override
    public void judged(int pathways, Duration waited, Duration took) {
        waits.record(waited);
        batches.record(took);
        if (waited.compareTo(SLOW_WAIT) <= 0 && took.compareTo(SLOW_BATCH) <= 0) {
            return;
        }
        slow.increment();
        long since = slowSinceWarning.incrementAndGet();
        synchronized (this) {
            long now = System.nanoTime();
            if (now - lastWarning < QUIET_NANOS) {
                return;
            }
            lastWarning = now;
            slowSinceWarning.addAndGet(-since);
        }
        LOG.warn("Slow read-model batch: {} pathways judged in {} ms, its oldest event had waited {} ms "
                + "({} slow batches since the last warning)", pathways, took.toMillis(), waited.toMillis(), since);
    }
}
