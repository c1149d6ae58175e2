package no.pathway.projections;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import no.pathway.core.event.PathwayEvent;

/**
 * The events recorded so far, as the read models read them: many pathways at once, each in its sequence order (an
 * event's place in its pathway's list is its sequence number). The read models judge a pathway from all its events,
 * never from the one that arrived, so this is all they ask of the event store. The store's adapter
 * ({@code no.pathway.api.eventstore.AxonRecordedEvents}) reads Axon's table; a test may hand events over itself.
 */
public interface RecordedEvents {

    /** Each pathway's events in sequence order; a pathway without events is absent. */
    Map<String, List<PathwayEvent>> of(Collection<String> pathwayIds);

    /**
     * How many events each pathway has in the store (a pathway without events is absent), without reading them. The
     * store's adapter answers from its index; reading them all, as here, is right but slow.
     */
    default Map<String, Integer> counts(Collection<String> pathwayIds) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        of(pathwayIds).forEach((pathwayId, events) -> counts.put(pathwayId, events.size()));
        return counts;
    }

    /** How many pathways have events: what a rebuild will judge. */
    long pathwayCount();

    /**
     * Every pathway's events, handed over {@code pathwaysPerChunk} pathways at a time, each pathway once. Runs in the
     * caller's transaction; the consumer may write meanwhile.
     */
    void forEachChunk(int pathwaysPerChunk, Consumer<Chunk> consumer);

    /**
     * Some pathways' events, read but not yet made into events: one pathway's unreadable event fails the
     * {@link #events} of that pathway, not the chunk.
     */
    interface Chunk {
        Set<String> pathways();

        /** The given pathways' events, in sequence order. */
        Map<String, List<PathwayEvent>> events(Collection<String> pathwayIds);
    }
}
