package no.pathway.api.pathway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.pathway.api.audit.AccessLog;
import no.pathway.api.identity.IdentityVault;
import no.pathway.api.identity.VaultProperties;
import no.pathway.api.security.Caller;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The purpose-bound reveal of the person behind a pathway: at most {@code pathway.vault.reveals-per-hour} per person
 * who looks (counted from the access log, so across instances), written to the access log with its purpose in the
 * same transaction that reads the vault, so no number leaves without its log entry. Counted in
 * {@code pathway.identity.reveals} by outcome (revealed, erased, not_held, too_many): a rise is for an auditor to
 * look at in the access log.
 */
@Service
public class Reveals {
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final String REVEALED = "revealed";
    private static final String ERASED = "erased";
    private static final String NOT_HELD = "not_held";
    private static final String TOO_MANY = "too_many";

    /** More reveals than the hourly limit; {@code retryAfter} until the oldest of them leaves the window. */
    public static final class TooMany extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;

        TooMany(Duration retryAfter) {
            super("too many reveals", null, false, false);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private final IdentityVault vault;
    private final AccessLog accessLog;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final VaultProperties properties;
    private final Clock clock;

    private final Map<String, Counter> outcomes = new HashMap<>();

    Reveals(IdentityVault vault, AccessLog accessLog, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            VaultProperties properties, Clock clock, MeterRegistry registry) {
        for (String outcome : List.of(REVEALED, ERASED, NOT_HELD, TOO_MANY)) {
            outcomes.put(outcome, Counter.builder("pathway.identity.reveals")
                    .description("Identity-number reveals asked for, by outcome").tag("outcome", outcome)
                    .register(registry));
        }
        this.vault = vault;
        this.accessLog = accessLog;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    /** Logs the reveal with its purpose, then reads the vault; throws {@link TooMany} past the hourly limit. */
    public IdentityVault.Lookup reveal(Caller caller, String pathwayId, String purpose) {
        IdentityVault.Lookup found;
        try {
            found = logAndRead(caller, pathwayId, purpose);
        } catch (TooMany e) {
            outcomes.get(TOO_MANY).increment();
            throw e;
        }
        outcomes.get(found instanceof IdentityVault.Held ? REVEALED
                : found instanceof IdentityVault.Erased ? ERASED : NOT_HELD).increment();
        return found;
    }

    private IdentityVault.Lookup logAndRead(Caller caller, String pathwayId, String purpose) {
        String call = AccessLog.currentCall();
        return transaction.execute(tx -> {
            // one reveal at a time per person who looks, so parallel requests cannot slip past the count
            jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", caller.subject());
            Instant now = clock.instant();
            AccessLog.Count recent = accessLog.countSince(caller.subject(), call, now.minus(WINDOW));
            if (recent.reads() >= properties.revealsPerHour()) {
                Duration wait = Duration.between(now, recent.oldest().plus(WINDOW));
                throw new TooMany(wait.isNegative() ? Duration.ofSeconds(1) : wait);
            }
            accessLog.record(caller, List.of(pathwayId), purpose);
            return vault.reveal(pathwayId);
        });
    }
}
