package no.pathway.api.eventstore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.RecordedEvents;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The read models' view of the event store: many pathways' events in one query on Axon's own table, deserialized
 * with Axon's event serializer. The read-model processor judges every pathway its batch touched; through Axon's
 * {@code readEvents} that was one query per pathway. Here because it reads Axon's table and format, which no read
 * model should know.
 */
@Repository
public class AxonRecordedEvents implements RecordedEvents {
    private static final String ALL_BY_PATHWAY = "SELECT d.aggregate_identifier, d.payload_type, d.payload_revision, "
            + "d.payload FROM domain_event_entry d ORDER BY d.aggregate_identifier, d.sequence_number";
    private static final int FETCH_SIZE = 2000;
    /** The events of the pathways in the one array parameter; public for the test of its plan. */
    public static final String OF_PATHWAYS = """
            SELECT k.p, d.payload_type, d.payload_revision, d.payload
            FROM unnest(?::varchar[]) AS k(p) CROSS JOIN LATERAL (
                SELECT e.payload_type, e.payload_revision, e.payload FROM domain_event_entry e
                WHERE e.aggregate_identifier = k.p ORDER BY e.sequence_number OFFSET 0) d""";

    private static final String COUNTS_OF_PATHWAYS = """
            SELECT k.p, n.last + 1 FROM unnest(?::varchar[]) AS k(p) CROSS JOIN LATERAL (
                SELECT max(e.sequence_number) AS last FROM domain_event_entry e WHERE e.aggregate_identifier = k.p) n
            WHERE n.last IS NOT NULL""";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public AxonRecordedEvents(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * One index probe per pathway whatever the statistics say ({@code OFFSET 0} keeps the lateral subquery from being
     * flattened into a join that large batches got as a sequential scan: docs/performance.md, step 14).
     */
    @Override
    public Map<String, List<PathwayEvent>> of(Collection<String> pathwayIds) {
        Map<String, List<PathwayEvent>> events = new LinkedHashMap<>();
        jdbc.query(OF_PATHWAYS,
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", pathwayIds.toArray())),
                (RowCallbackHandler) rs -> events.computeIfAbsent(rs.getString(1), p -> new ArrayList<>()).add(event(rs)));
        return events;
    }

    /**
     * The highest sequence number of each pathway, plus one: an event's sequence number is its place in its pathway
     * (0, 1, 2... as {@link #of} lists them). One backward probe of the aggregate index per pathway. Were there ever a
     * hole in a pathway's numbers, its count here would be too high, never too low: it would not match what the read
     * model judged, and the dashboard at T would judge that pathway from the store, which is always right.
     */
    @Override
    public Map<String, Integer> counts(Collection<String> pathwayIds) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query(COUNTS_OF_PATHWAYS,
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", pathwayIds.toArray())),
                (RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getInt(2)));
        return counts;
    }

    /** One pass over the aggregate index. */
    @Override
    public long pathwayCount() {
        return jdbc.queryForObject("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry", Long.class);
    }

    /** An event as stored, not yet deserialized: deserializing can fail for its pathway alone. */
    private record Serialized(String type, String revision, byte[] payload) {
    }

    /**
     * One streamed query over the whole store, so each pathway is read once. Must run in a transaction (PostgreSQL
     * streams a result only then). The events come serialized and are deserialized per pathway when asked for, so
     * that one pathway's unreadable event fails that pathway, not the whole read.
     */
    @Override
    public void forEachChunk(int pathwaysPerChunk, Consumer<Chunk> consumer) {
        Map<String, List<Serialized>> chunk = new LinkedHashMap<>();
        jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement(ALL_BY_PATHWAY);
            statement.setFetchSize(FETCH_SIZE);
            return statement;
        }, (RowCallbackHandler) rs -> {
            String pathwayId = rs.getString(1);
            if (!chunk.containsKey(pathwayId) && chunk.size() == pathwaysPerChunk) {
                consumer.accept(new SerializedChunk(new LinkedHashMap<>(chunk)));
                chunk.clear();
            }
            chunk.computeIfAbsent(pathwayId, p -> new ArrayList<>())
                    .add(new Serialized(rs.getString(2), rs.getString(3), rs.getBytes(4)));
        });
        if (!chunk.isEmpty()) {
            consumer.accept(new SerializedChunk(new LinkedHashMap<>(chunk)));
        }
    }

    /** A chunk of the store as read, deserialized pathway by pathway. */
    private final class SerializedChunk implements Chunk {
        private final Map<String, List<Serialized>> serialized;

        SerializedChunk(Map<String, List<Serialized>> serialized) {
            this.serialized = serialized;
        }

        @Override
        public Set<String> pathways() {
            return serialized.keySet();
        }

        @Override
        public Map<String, List<PathwayEvent>> events(Collection<String> pathwayIds) {
            Map<String, List<PathwayEvent>> events = new LinkedHashMap<>();
            pathwayIds.forEach(pathwayId -> events.put(pathwayId, serialized.get(pathwayId).stream()
                    .map(e -> AxonRecordedEvents.this.<PathwayEvent>deserialize(e.payload(), e.type(), e.revision()))
                    .toList()));
            return events;
        }
    }

    private PathwayEvent event(ResultSet rs) throws SQLException {
        return deserialize(rs.getBytes(4), rs.getString(2), rs.getString(3));
    }

    private <T> T deserialize(byte[] payload, String type, String revision) {
        return serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class, type, revision));
    }
}
