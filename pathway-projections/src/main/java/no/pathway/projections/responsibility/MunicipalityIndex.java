package no.pathway.projections.responsibility;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which municipalities a pathway's events have named, and since when the service knew it (the earliest
 * {@code recordedAt} of an event naming it). A gap belongs to the municipality responsible at its trigger, which is
 * always one an event of the pathway reported ({@code Seen.municipalityAt}); judged with what was known at T, only
 * events recorded by T count. So the pathways whose events had named a municipality by T are a superset of those
 * with a gap of that municipality as known at T: the candidates of "the dashboard at T" (docs/audit.md), found
 * without reading the event store. A retraction can only remove a municipality, never add one, so the superset
 * holds after retractions too.
 *
 * <p>Written by the event storage engine in the very transaction that stores the events, so it cannot lag behind
 * or disagree with the store; the first time only moves earlier (two groups can commit out of the order of their
 * recorded times).
 */
@Repository
public class MunicipalityIndex {
    private static final String UPSERT = "INSERT INTO pathway_municipality (municipality, pathway_id, "
            + "first_recorded_at) VALUES (?, ?, ?) ON CONFLICT (municipality, pathway_id) DO UPDATE "
            + "SET first_recorded_at = EXCLUDED.first_recorded_at "
            + "WHERE pathway_municipality.first_recorded_at > EXCLUDED.first_recorded_at";

    /** An event's pathway naming a municipality, recorded at {@code recordedAt}. */
    public record Named(String municipality, String pathwayId, Instant recordedAt) {
    }

    /** One pair of the index. */
    private record Key(String municipality, String pathwayId) {
    }

    private final JdbcTemplate jdbc;

    public MunicipalityIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the municipalities these events name, on the connection (and so in the transaction) that stores them. The
     * event store's adapter says which events name one ({@code eventstore/CommitOrderEventStorageEngine}).
     */
    public static void record(Connection connection, Collection<Named> named) throws SQLException {
        Map<Key, Instant> earliest = new HashMap<>();
        for (Named n : named) {
            earliest.merge(new Key(n.municipality(), n.pathwayId()), n.recordedAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        if (earliest.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (Map.Entry<Key, Instant> entry : earliest.entrySet()) {
                upsert.setString(1, entry.getKey().municipality());
                upsert.setString(2, entry.getKey().pathwayId());
                upsert.setTimestamp(3, Timestamp.from(entry.getValue()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** The pathways whose events named the municipality in what was recorded at or before {@code knownAt}. */
    public List<String> candidates(String municipality, Instant knownAt) {
        return jdbc.queryForList("SELECT pathway_id FROM pathway_municipality WHERE municipality = ? "
                + "AND first_recorded_at <= ? ORDER BY pathway_id", String.class, municipality,
                Timestamp.from(knownAt));
    }
}
