package no.pathway.projections.summary;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The pathway summary read model. */
@Repository
public class PathwaySummaries {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    public PathwaySummaries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes each pathway's summary, in one batch. */
    public void save(Map<String, PathwaySummary> summaries) {
        List<Map.Entry<String, PathwaySummary>> rows = List.copyOf(summaries.entrySet());
        jdbc.batchUpdate("""
                        INSERT INTO pathway_summary (pathway_id, municipality, last_event_at, event_count, summary)
                        VALUES (?, ?, ?, ?, ?::jsonb)
                        ON CONFLICT (pathway_id) DO UPDATE SET municipality = excluded.municipality,
                            last_event_at = excluded.last_event_at, event_count = excluded.event_count,
                            summary = excluded.summary""",
                rows, 1000, (ps, row) -> {
                    PathwaySummary summary = row.getValue();
                    ps.setString(1, row.getKey());
                    ps.setString(2, summary.municipality());
                    ps.setTimestamp(3, summary.lastEventAt() == null ? null : Timestamp.from(summary.lastEventAt()));
                    ps.setInt(4, summary.eventCount());
                    ps.setString(5, JSON.writeValueAsString(summary));
                });
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
}
