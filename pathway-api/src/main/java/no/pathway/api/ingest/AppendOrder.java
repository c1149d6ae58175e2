package no.pathway.api.ingest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Makes the event store's global index follow commit order. The index comes from a sequence when a row is inserted,
 * so two transactions appending at once would interleave their numbers, and while the earlier-numbered one is still
 * open the streaming processors see a gap below the other's events. Axon's tracking token then records every missing
 * number, and copies that set into the token of each later event: with groups of 2,000 events that was hundreds of
 * megabytes of tokens in the event store's cache (docs/performance.md, step 15). A gap open longer than Axon's gap
 * timeout, or further back than its gap offset, would also let the processors skip the events that fill it.
 *
 * <p>So every transaction that appends events first takes one transaction-scoped PostgreSQL advisory lock, held until
 * it commits or rolls back: appends (across instances, too) take their numbers one transaction after another, and a
 * gap remains only where a transaction rolled back, which nothing fills. Writers still validate and judge their
 * groups side by side; only the insert and the commit wait their turn.
 */
@Repository
class AppendOrder {
    /** The advisory lock's key: "PATHWAY" in ASCII. No other lock of this database may use it. */
    static final long LOCK_KEY = 0x50415448574159L;

    private final JdbcTemplate jdbc;

    AppendOrder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for the turn to append; the caller's transaction holds it until it ends. Must run in a transaction. */
    void takeTurn() {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", (RowCallbackHandler) rs -> { }, LOCK_KEY);
    }
}
