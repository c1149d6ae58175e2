package no.pathway.api.admin;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN from a read-model failure until the processor has caught up again (it retries; nothing is skipped). */
@Component("readModelsHealthIndicator")
class ReadModelHealth implements HealthIndicator {
    private final ReadModels readModels;

    ReadModelHealth(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public Health health() {
        ReadModels.Status status = readModels.status();
        Health.Builder health = status.failing() || !status.running() ? Health.down() : Health.up();
        if (status.failing()) {
            health.withDetail("lastFailure", status.lastFailure());
        }
        return health.withDetail("behind", status.behind()).withDetail("replaying", status.replaying()).build();
    }
}
