package no.pathway.projections;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import no.pathway.core.event.PathwayEvent;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Many pathways' events in one query, deserialized with Axon's event serializer. The read-model processor judges
 * every pathway its batch touched; through Axon's {@code readEvents} that was one query per pathway.
 */
@Repository
public class StoredEvents {
    private static final String ALL_BY_PATHWAY = "SELECT d.aggregate_identifier, d.payload_type, d.payload_revision, "
            + "d.payload FROM domain_event_entry d ORDER BY d.aggregate_identifier, d.sequence_number";
    private static final int FETCH_SIZE = 2000;
    /** The events of the pathways in the one array parameter; public for the test of its plan. */
    public static final String OF_PATHWAYS = """
            SELECT k.p, d.payload_type, d.payload_revision, d.payload
            FROM unnest(?::varchar[]) AS k(p) CROSS JOIN LATERAL (
                SELECT e.payload_type, e.payload_revision, e.payload FROM domain_event_entry e
                WHERE e.aggregate_identifier = k.p ORDER BY e.sequence_number OFFSET 0) d""";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public StoredEvents(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * Each pathway's events in sequence order; a pathway without events is absent. One index probe per pathway
     * whatever the statistics say ({@code OFFSET 0} keeps the lateral subquery from being flattened into a join that
     * large batches got as a sequential scan: docs/performance.md, step 14).
     */
    public Map<String, List<PathwayEvent>> of(Collection<String> pathwayIds) {
        Map<String, List<PathwayEvent>> events = new LinkedHashMap<>();
        jdbc.query(OF_PATHWAYS,
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", pathwayIds.toArray())),
                (RowCallbackHandler) rs -> events.computeIfAbsent(rs.getString(1), p -> new ArrayList<>()).add(event(rs)));
        return events;
    }

    /** How many pathways have events: what a rebuild will judge (one pass over the aggregate index). */
    public long pathwayCount() {
        return jdbc.queryForObject("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry", Long.class);
    }

    /** An event as stored, not yet deserialized: deserializing can fail for its pathway alone. */
    public record Serialized(String type, String revision, byte[] payload) {
    }

    /**
     * Every pathway's events, in sequence order, handed over {@code pathwaysPerChunk} pathways at a time: one
     * streamed query over the whole store, so each pathway is read once. Must run in a transaction (PostgreSQL
     * streams a result only then); the consumer may use the same connection meanwhile. The events come serialized,
     * so that one pathway's unreadable event fails that pathway ({@link #deserialize}), not the whole read.
     */
    public void forEachChunk(int pathwaysPerChunk, Consumer<Map<String, List<Serialized>>> consumer) {
        Map<String, List<Serialized>> chunk = new LinkedHashMap<>();
        jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement(ALL_BY_PATHWAY);
            statement.setFetchSize(FETCH_SIZE);
            return statement;
        }, (RowCallbackHandler) rs -> {
            String pathwayId = rs.getString(1);
            if (!chunk.containsKey(pathwayId) && chunk.size() == pathwaysPerChunk) {
                consumer.accept(new LinkedHashMap<>(chunk));
                chunk.clear();
            }
            chunk.computeIfAbsent(pathwayId, p -> new ArrayList<>())
                    .add(new Serialized(rs.getString(2), rs.getString(3), rs.getBytes(4)));
        });
        if (!chunk.isEmpty()) {
            consumer.accept(new LinkedHashMap<>(chunk));
        }
    }

    /** The given pathways' events, deserialized. */
    public Map<String, List<PathwayEvent>> deserialize(Map<String, List<Serialized>> serialized) {
        Map<String, List<PathwayEvent>> events = new LinkedHashMap<>();
        serialized.forEach((pathwayId, stored) -> events.put(pathwayId, stored.stream()
                .map(e -> this.<PathwayEvent>deserialize(e.payload(), e.type(), e.revision())).toList()));
        return events;
    }

    private PathwayEvent event(ResultSet rs) throws SQLException {
        return deserialize(rs.getBytes(4), rs.getString(2), rs.getString(3));
    }

    private <T> T deserialize(byte[] payload, String type, String revision) {
        return serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class, type, revision));
    }
}
