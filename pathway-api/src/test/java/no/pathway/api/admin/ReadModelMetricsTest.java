package no.pathway.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReadModelMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ReadModelMetrics metrics = new ReadModelMetrics(registry);

    private double slow() {
        return registry.get("pathway.read_models.slow").counter().count();
    }

    @Test
    void every_batch_is_timed_by_its_wait_and_its_work() {
        metrics.judged(12, Duration.ofMillis(40), Duration.ofMillis(15));
        metrics.judged(3, Duration.ofMillis(20), Duration.ofMillis(5));

        assertThat(registry.get("pathway.read_models.wait").timer().count()).isEqualTo(2);
        assertThat(registry.get("pathway.read_models.wait").timer().max(TimeUnit.MILLISECONDS)).isEqualTo(40);
        assertThat(registry.get("pathway.read_models.batch").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(20);
        assertThat(slow()).isZero();
    }

    @Test
    void a_batch_that_waited_or_worked_too_long_counts_as_slow() {
        metrics.judged(1, ReadModelMetrics.SLOW_WAIT, ReadModelMetrics.SLOW_BATCH);
        assertThat(slow()).as("at the limits is not slow").isZero();

        metrics.judged(1, ReadModelMetrics.SLOW_WAIT.plusMillis(1), Duration.ZERO);
        metrics.judged(1, Duration.ZERO, ReadModelMetrics.SLOW_BATCH.plusMillis(1));
        metrics.judged(1, Duration.ofSeconds(30), Duration.ofSeconds(5));

        assertThat(slow()).isEqualTo(3);
    }
}
