package no.pathway.projections.summary;

import java.sql.Timestamp;
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

    public void save(String pathwayId, PathwaySummary summary) {
        jdbc.update("""
                        INSERT INTO pathway_summary (pathway_id, municipality, last_event_at, event_count, summary)
                        VALUES (?, ?, ?, ?, ?::jsonb)
                        ON CONFLICT (pathway_id) DO UPDATE SET municipality = excluded.municipality,
                            last_event_at = excluded.last_event_at, event_count = excluded.event_count,
                            summary = excluded.summary""",
                pathwayId, summary.municipality(),
                summary.lastEventAt() == null ? null : Timestamp.from(summary.lastEventAt()),
                summary.eventCount(), JSON.writeValueAsString(summary));
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

    public void deleteAll() {
        jdbc.update("TRUNCATE pathway_summary");
    }
}
