package no.pathway.api.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.responsibility.MunicipalityIndex;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC event storage, with the global index following commit order. The index comes from a sequence when a
 * row is inserted, so two transactions appending at once would interleave their numbers, and while the
 * earlier-numbered one is still open the streaming processors see a gap below the other's events. Axon's tracking
 * token then records every missing number, and copies that set into the token of each later event: with groups of
 * 2,000 events, 10,000 cached tokens can hold about a gigabyte of such copies (docs/performance.md, step 15).
 * A gap open longer than Axon's gap timeout, or further back than its gap offset, would also let the processors
 * skip the events that fill it.
 *
 * <p>So every append first takes one transaction-scoped PostgreSQL advisory lock, on the connection that inserts,
 * held until its transaction commits or rolls back: appends (across instances, too) take their numbers one
 * transaction after another, and a gap remains only where a transaction rolled back, which nothing fills. Writers
 * still validate and judge their groups side by side; only the insert and what follows it to the commit wait their
 * turn. An empty append takes no turn (Axon returns before asking for the statement).
 *
 * <p>In its turn, on the same connection, the append also notes which municipalities the events name
 * ({@link MunicipalityIndex}), so that index is written in the events' own transaction.
 */
public class CommitOrderEventStorageEngine extends JdbcEventStorageEngine {
    /** The advisory lock's key: "PATHWAY" in ASCII. No other lock of this database may use it. */
    static final long APPEND_LOCK_KEY = 0x50415448574159L;

    CommitOrderEventStorageEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        try (PreparedStatement turn = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            turn.setLong(1, APPEND_LOCK_KEY);
            turn.execute();
        }
        MunicipalityIndex.record(connection, named(events));
        return super.appendEvents(connection, events, serializer);
    }

    /** The events that name a municipality, when each was recorded (Axon's timestamp only if the event has none). */
    private static List<MunicipalityIndex.Named> named(List<? extends EventMessage<?>> events) {
        List<MunicipalityIndex.Named> named = new ArrayList<>();
        for (EventMessage<?> message : events) {
            if (message instanceof DomainEventMessage<?> domain && domain.getPayload() instanceof PathwayEvent e
                    && e.meta().municipality() != null) {
                named.add(new MunicipalityIndex.Named(e.meta().municipality(), domain.getAggregateIdentifier(),
                        e.recordedAt() != null ? e.recordedAt() : message.getTimestamp()));
            }
        }
        return named;
    }
}
