package no.pathway.projections;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.pathway.core.event.PathwayEvent;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Many pathways' events in one query, deserialized with Axon's event serializer. The read-model processor judges
 * every pathway its batch touched; through Axon's {@code readEvents} that was one query per pathway.
 */
@Repository
public class StoredEvents {
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public StoredEvents(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Each pathway's events in sequence order; a pathway without events is absent. */
    public Map<String, List<PathwayEvent>> of(Collection<String> pathwayIds) {
        Map<String, List<PathwayEvent>> events = new LinkedHashMap<>();
        jdbc.query("""
                        SELECT d.aggregate_identifier, d.payload_type, d.payload_revision, d.payload
                        FROM domain_event_entry d JOIN unnest(?::varchar[]) AS k(p) ON d.aggregate_identifier = k.p
                        ORDER BY d.aggregate_identifier, d.sequence_number""",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", pathwayIds.toArray())),
                rs -> {
                    PathwayEvent event = serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(4),
                            byte[].class, rs.getString(2), rs.getString(3)));
                    events.computeIfAbsent(rs.getString(1), p -> new ArrayList<>()).add(event);
                });
        return events;
    }
}
