package no.pathway.api.identity;

import java.time.Clock;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The retention rule: the number of a person on whose pathway nothing was recorded for {@code pathway.vault.retention}
 * is erased (crypto-shredded); the pathway's events stay. Runs on every instance; erasing is idempotent and rows are
 * claimed with SKIP LOCKED, so instances do not get in each other's way.
 */
@Component
public class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final int BATCH = 1000;

    private final IdentityVault vault;
    private final VaultProperties properties;
    private final Clock clock;

    Retention(IdentityVault vault, VaultProperties properties, Clock clock) {
        this.vault = vault;
        this.properties = properties;
        this.clock = clock;
    }

    /** Erases every number past retention now; returns how many. */
    @Scheduled(fixedDelayString = "${pathway.vault.retention-check}", initialDelayString = "PT1M")
    public int run() {
        var cutoff = clock.instant().atOffset(ZoneOffset.UTC).minus(properties.retention()).toInstant();
        int total = 0;
        int erased;
        do {
            erased = vault.eraseInactiveSince(cutoff, BATCH);
            total += erased;
        } while (erased == BATCH);
        if (total > 0) {
            LOG.info("Retention: erased {} identity numbers of pathways without a fact for {}", total,
                    properties.retention());
        }
        return total;
    }
}
