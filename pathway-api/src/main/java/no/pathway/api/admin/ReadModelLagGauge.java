package no.pathway.api.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code pathway.read_models.behind}: how many events the slowest read-model segment has still to process (the
 * event store's head minus its position), read from the database when the gauge is read, within the health bound;
 * the last value while the database does not answer. {@code pathway.read_models.wait} ({@link ReadModelMetrics}) says
 * the same in time, for the batches that were processed.
 */
@Component
class ReadModelLagGauge {
    private final ReadModels readModels;
    private final AtomicLong last = new AtomicLong();

    ReadModelLagGauge(MeterRegistry registry, ReadModels readModels) {
        this.readModels = readModels;
        Gauge.builder("pathway.read_models.behind", this::read)
                .description("Events stored but not yet in every read model (the slowest segment's distance)")
                .register(registry);
    }

    private long read() {
        try {
            last.set(readModels.promptStatus().behind());
        } catch (RuntimeException e) {
            // the database does not answer now: the last value stands, and the health shows the outage
        }
        return last.get();
    }
}
