package no.pathway.projections;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events of one processor batch, as far as the read models need to know them before reading the store: which
 * pathways they belong to, how many each, and where each pathway's new events begin (the first one's sequence
 * number, whose {@code recordedAt} says how long the batch waited). Events of a replay are counted but not timed:
 * they are old by design. Filled by one processor thread, then handed to {@link PathwayReadModels#judge}.
 */
public final class NewEvents {
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, Long> firstSequences = new HashMap<>();

    /** One more event of the pathway, at {@code sequence} of it. */
    public void add(String pathwayId, long sequence, boolean replay) {
        counts.merge(pathwayId, 1, Integer::sum);
        if (!replay) {
            firstSequences.merge(pathwayId, sequence, Math::min);
        }
    }

    /** The pathways, in the order their first event came, with their number of new events. */
    public Map<String, Integer> counts() {
        return Collections.unmodifiableMap(counts);
    }

    /** The sequence number of the pathway's first new event outside a replay, or -1 when there is none. */
    public long firstSequence(String pathwayId) {
        return firstSequences.getOrDefault(pathwayId, -1L);
    }
}
