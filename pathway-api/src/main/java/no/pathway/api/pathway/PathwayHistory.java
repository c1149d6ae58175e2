package no.pathway.api.pathway;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.pathway.api.identity.PathwayIds;
import no.pathway.api.security.PathwayAccess;
import no.pathway.api.http.NotFound;
import no.pathway.core.event.EventRetracted;
import no.pathway.core.event.PathwayEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

/** A pathway's facts as stored, read from the event store (never from a snapshot). */
@Service
public class PathwayHistory {
    /** One stored fact with its position on the pathway. */
    public record Entry(long sequence, PathwayEvent fact) {
    }

    private final EventStore eventStore;

    PathwayHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public boolean exists(String pathwayId) {
        return eventStore.lastSequenceNumberFor(pathwayId).isPresent();
    }

    /** Every fact in recorded order; empty when the pathway has none. */
    public List<Entry> entries(String pathwayId) {
        return eventStore.readEvents(pathwayId, 0L).asStream()
                .map(m -> new Entry(m.getSequenceNumber(), (PathwayEvent) ((DomainEventMessage<?>) m).getPayload()))
                .toList();
    }

    /** Every fact in recorded order, or 404 when the pathway has none (or the id is not one of ours). */
    public List<Entry> existing(String pathwayId) {
        List<Entry> entries = PathwayIds.isWellFormed(pathwayId) ? entries(pathwayId) : List.of();
        if (entries.isEmpty()) {
            throw new NotFound(PathwayAccess.NO_SUCH_PATHWAY);
        }
        return entries;
    }

    /** The facts of an existing pathway in recorded order (404 otherwise). */
    public List<PathwayEvent> facts(String pathwayId) {
        return existing(pathwayId).stream().map(Entry::fact).toList();
    }

    /** The keys ({@code PathwayEvent.key()}) of the facts that a later retraction withdrew. */
    public static Set<String> retracted(List<Entry> entries) {
        Set<String> keys = new HashSet<>();
        for (Entry e : entries) {
            if (e.fact() instanceof EventRetracted r) {
                keys.add(r.retractedKey());
            }
        }
        return keys;
    }
}
