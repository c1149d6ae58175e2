package no.pathway.projections.summary;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The pathway summary read model. */
@Repository
public class PathwaySummaries {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** One probe of the primary key per pathway; the array is the one parameter, the time the next two. */
    private static final String SETTLED = """
            SELECT s.pathway_id, s.event_count FROM unnest(?::varchar[]) AS k(p)
            JOIN pathway_summary s ON s.pathway_id = k.p
            WHERE s.last_recorded_at <= ? AND s.last_occurred_at <= ?
              AND NOT EXISTS (SELECT 1 FROM read_model_quarantine q WHERE q.pathway_id = s.pathway_id)""";

    private final JdbcTemplate jdbc;

    public PathwaySummaries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes each pathway's summary, in one batch. */
    public void save(Map<String, PathwaySummary> summaries) {
        List<Map.Entry<String, PathwaySummary>> rows = List.copyOf(summaries.entrySet());
        jdbc.batchUpdate("""
                        INSERT INTO pathway_summary (pathway_id, municipality, last_event_at, event_count, summary,
                            last_recorded_at, last_occurred_at)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)
                        ON CONFLICT (pathway_id) DO UPDATE SET municipality = excluded.municipality,
                            last_event_at = excluded.last_event_at, event_count = excluded.event_count,
                            summary = excluded.summary, last_recorded_at = excluded.last_recorded_at,
                            last_occurred_at = excluded.last_occurred_at""",
                rows, 1000, (ps, row) -> {
                    PathwaySummary summary = row.getValue();
                    ps.setString(1, row.getKey());
                    ps.setString(2, summary.municipality());
                    ps.setTimestamp(3, timestamp(summary.lastEventAt()));
                    ps.setInt(4, summary.eventCount());
                    ps.setString(5, JSON.writeValueAsString(summary));
                    ps.setTimestamp(6, timestamp(summary.lastRecordedAt()));
                    ps.setTimestamp(7, timestamp(summary.lastOccurredAt()));
                });
    }

    /**
     * Of these pathways, those whose events as the read model judged them were all recorded and had all occurred at
     * or before {@code t}, and that are not set aside, each with how many events were judged. For such a pathway the
     * read model's rows are what a judgement at T with what was known at T gives, <em>provided</em> the store holds no
     * further event: the caller compares the counts with the store's in the same snapshot (docs/audit.md, the
     * dashboard at T).
     */
    public Map<String, Integer> settledBy(Collection<String> pathwayIds, Instant t) {
        Map<String, Integer> settled = new HashMap<>();
        jdbc.query(SETTLED, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("varchar", pathwayIds.toArray()));
            ps.setTimestamp(2, Timestamp.from(t));
            ps.setTimestamp(3, Timestamp.from(t));
        }, (RowCallbackHandler) rs -> settled.put(rs.getString(1), rs.getInt(2)));
        return settled;
    }

    public Optional<PathwaySummary> find(String pathwayId) {
        return jdbc.query("SELECT summary::text FROM pathway_summary WHERE pathway_id = ?",
                        (rs, n) -> JSON.readValue(rs.getString(1), PathwaySummary.class), pathwayId)
                .stream().findFirst();
    }

    /** The pathway's home municipality as last reported; empty when unknown or not (yet) projected. */
    public Optional<String> municipality(String pathwayId) {
        return jdbc.query("SELECT municipality FROM pathway_summary WHERE pathway_id = ?",
                        (rs, n) -> rs.getString(1), pathwayId)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** Empties the table, with DELETE for the reason given at {@code GapRows.deleteAll}. */
    public void deleteAll() {
        jdbc.update("DELETE FROM pathway_summary");
    }

    private static Timestamp timestamp(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }
}
