package no.pathway.projections.quarantine;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The pathways set aside by the read models: their judgement failed for a reason of their own (a {@link
 * FailureCause#PATHWAY} failure), so the rest went on without them. Every write runs in the caller's transaction: the
 * processor's, with its token, or an operator's retry.
 */
@Repository
public class Quarantine {
    private static final String COLUMNS = "pathway_id, since, last_attempt, attempts, error_type, sql_state, "
            + "later_events";
    private static final RowMapper<SetAside> ROW = (rs, n) -> new SetAside(rs.getString(1),
            rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getString(5),
            rs.getString(6), rs.getLong(7));

    /**
     * A pathway set aside: since when, its last attempt and how many there were, the failure's type and SQLSTATE
     * (never its message, which may quote data), and how many events were recorded for it since, not yet judged.
     */
    public record SetAside(String pathwayId, Instant since, Instant lastAttempt, int attempts, String errorType,
                           String sqlState, long laterEvents) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Quarantine(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Of the given pathways (with their number of new events), those set aside, with their new events counted against
     * them. Row-locks what it counts, so an operator's retry of one of them and this batch take turns.
     */
    public Set<String> noteLaterEvents(Map<String, Integer> eventsByPathway) {
        if (eventsByPathway.isEmpty()) {
            return Set.of();
        }
        Object[] pathways = eventsByPathway.keySet().toArray();
        Object[] counts = eventsByPathway.values().toArray();
        return new HashSet<>(jdbc.query("""
                        UPDATE read_model_quarantine q SET later_events = q.later_events + n.c
                        FROM unnest(?::varchar[], ?::int[]) AS n(p, c) WHERE q.pathway_id = n.p
                        RETURNING q.pathway_id""",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("varchar", pathways));
                    ps.setArray(2, ps.getConnection().createArrayOf("int4", counts));
                },
                (rs, n) -> rs.getString(1)));
    }

    /** Sets the pathway aside, or counts one more failed attempt when it already is. */
    public void setAside(String pathwayId, Throwable failure) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                        INSERT INTO read_model_quarantine AS q (pathway_id, since, last_attempt, attempts, error_type,
                            sql_state, later_events) VALUES (?, ?, ?, 1, ?, ?, 0)
                        ON CONFLICT (pathway_id) DO UPDATE SET last_attempt = excluded.last_attempt,
                            attempts = q.attempts + 1, error_type = excluded.error_type, sql_state = excluded.sql_state""",
                pathwayId, now, now, failure.getClass().getSimpleName(), FailureCause.sqlState(failure));
    }

    /** Locks the pathway's entry for a retry; empty when it is not set aside. */
    public Optional<SetAside> lock(String pathwayId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM read_model_quarantine WHERE pathway_id = ? FOR UPDATE", ROW,
                pathwayId).stream().findFirst();
    }

    /** Takes the pathways out of the quarantine (they were judged); those that were not in it are ignored. */
    public void release(Collection<String> pathwayIds) {
        if (pathwayIds.isEmpty()) {
            return;
        }
        jdbc.update("DELETE FROM read_model_quarantine WHERE pathway_id = ANY (?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", pathwayIds.toArray())));
    }

    /** Empties the quarantine: a reset replays every pathway, which sets aside again whatever still fails. */
    public void clear() {
        jdbc.update("DELETE FROM read_model_quarantine");
    }

    /** The pathways set aside longest, at most {@code limit}. */
    public List<SetAside> oldest(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM read_model_quarantine ORDER BY since, pathway_id LIMIT ?",
                ROW, limit);
    }

    public long count() {
        return jdbc.queryForObject("SELECT count(*) FROM read_model_quarantine", Long.class);
    }
}
