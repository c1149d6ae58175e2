package no.pathway.api.health;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A health indicator that answers within its bound: DOWN when its check does not answer in time. Spring Boot asks the
 * indicators one after another and has no time limit of its own, so without this a database that is down held
 * {@code /actuator/health} for the pool's whole connection timeout (30 s in the outage drill) while it said UP.
 */
public final class BoundedHealthIndicator implements HealthIndicator, AutoCloseable {
    private final TimeBound<Health> check;

    public BoundedHealthIndicator(String name, HealthIndicator indicator, Duration bound) {
        this.check = new TimeBound<>(name + "-health", indicator::health, bound);
    }

    @Override
    public Health health() {
        try {
            return check.get();
        } catch (TimeBound.Exceeded e) {
            return Health.down().withDetail("error", e.getMessage()).build();
        }
    }

    @Override
    public void close() {
        check.close();
    }
}
