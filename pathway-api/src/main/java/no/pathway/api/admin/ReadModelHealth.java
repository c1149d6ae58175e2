package no.pathway.api.admin;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN while the read-model processor is in error (it retries the failing batch; nothing is skipped). */
@Component("readModelsHealthIndicator")
class ReadModelHealth implements HealthIndicator {
    private final ReadModels readModels;

    ReadModelHealth(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public Health health() {
        ReadModels.Status status = readModels.status();
        Health.Builder health = status.error() || !status.running() ? Health.down() : Health.up();
        return health.withDetail("behind", status.behind()).withDetail("replaying", status.replaying())
                .withDetail("segments", status.segments()).build();
    }
}
