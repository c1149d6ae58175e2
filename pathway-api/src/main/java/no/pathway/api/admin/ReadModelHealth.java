package no.pathway.api.admin;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN from a read-model failure until the processor has caught up again (it retries; nothing is skipped), while the
 * processor is stopped other than for a rebuild, or when its status does not come within the health bound. Pathways set aside are shown
 * ({@code quarantined}) but keep it UP: one poisoned pathway must not take every instance out of rotation
 * (docs/operations.md); the other pathways are current, and the metric {@code pathway.read_models.quarantined} is
 * the alert.
 */
@Component("readModelsHealthIndicator")
class ReadModelHealth implements HealthIndicator {
    private final ReadModels readModels;

    ReadModelHealth(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public Health health() {
        ReadModels.Status status;
        try {
            status = readModels.promptStatus();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
        boolean stopped = !status.running() && !status.replaying(); // a rebuild stops the processor on purpose
        Health.Builder health = status.failing() || stopped ? Health.down() : Health.up();
        if (status.failing()) {
            health.withDetail("lastFailure", status.lastFailure());
        }
        return health.withDetail("behind", status.behind()).withDetail("replaying", status.replaying())
                .withDetail("quarantined", status.quarantined()).build();
    }
}
