package no.pathway.api.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import no.pathway.api.health.TimeBound;
import no.pathway.projections.quarantine.Quarantine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code pathway.read_models.quarantined}: the pathways set aside by the read models, counted in the database (the
 * quarantine is shared by every instance) when the gauge is read, within the health bound; the last count while the
 * database does not answer.
 */
@Component
class QuarantineGauge {
    private final TimeBound<Long> count;
    private final AtomicLong last = new AtomicLong();

    QuarantineGauge(MeterRegistry registry, Quarantine quarantine,
                    @Value("${pathway.health.timeout:PT0.75S}") Duration bound) {
        this.count = new TimeBound<>("quarantine-count", quarantine::count, bound);
        Gauge.builder("pathway.read_models.quarantined", this::read)
                .description("Pathways set aside by the read models until an operator retries them")
                .register(registry);
    }

    private long read() {
        try {
            last.set(count.get());
        } catch (RuntimeException e) {
            // the database does not answer now: the last count stands, and the health shows the outage
        }
        return last.get();
    }

    @PreDestroy
    void close() {
        count.close();
    }
}
