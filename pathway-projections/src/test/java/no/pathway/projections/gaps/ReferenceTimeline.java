package no.pathway.projections.gaps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.engine.GapStatus;
import no.pathway.projections.engine.ReferenceEngine;

/**
 * The timeline as it was before it was made near-linear: a whole evaluation at every moment (issue 12, finding 4).
 * Kept as the reference the property tests compare {@link GapTimeline} with. Not used by the service.
 */
public final class ReferenceTimeline {
    private ReferenceTimeline() {
    }

    private record Moment(Instant at, int sequence, PathwayEvent event) {
    }

    /** Whole judgements: the reference engine's, or (for what it lacks, such as rule versions) today's. */
    public interface Judge {
        List<Gap> evaluateAll(String pathwayId, List<PathwayEvent> recordedOrder);

        List<Gap> evaluate(String pathwayId, List<PathwayEvent> recordedOrder, Instant at, Instant knownAt);
    }

    public static List<GapTimeline.Entry> of(ReferenceEngine engine, String pathwayId,
                                             List<PathwayEvent> recordedOrder) {
        return of(new Judge() {
            @Override
            public List<Gap> evaluateAll(String id, List<PathwayEvent> events) {
                return engine.evaluateAll(id, events);
            }

            @Override
            public List<Gap> evaluate(String id, List<PathwayEvent> events, Instant at, Instant knownAt) {
                return engine.evaluate(id, events, at, knownAt);
            }
        }, pathwayId, recordedOrder);
    }

    /** The timeline of whole judgements by today's engine at every moment. */
    public static List<GapTimeline.Entry> of(GapEngine engine, String pathwayId, List<PathwayEvent> recordedOrder) {
        return of(new Judge() {
            @Override
            public List<Gap> evaluateAll(String id, List<PathwayEvent> events) {
                return engine.evaluateAll(id, events);
            }

            @Override
            public List<Gap> evaluate(String id, List<PathwayEvent> events, Instant at, Instant knownAt) {
                return engine.evaluate(id, events, at, knownAt);
            }
        }, pathwayId, recordedOrder);
    }

    private static List<GapTimeline.Entry> of(Judge engine, String pathwayId, List<PathwayEvent> recordedOrder) {
        List<Moment> moments = new ArrayList<>();
        for (int i = 0; i < recordedOrder.size(); i++) {
            PathwayEvent e = recordedOrder.get(i);
            moments.add(new Moment(e.recordedAt().isAfter(e.occurredAt()) ? e.recordedAt() : e.occurredAt(), i, e));
        }
        for (Gap gap : engine.evaluateAll(pathwayId, recordedOrder)) {
            moments.add(new Moment(gap.dueAt().plusNanos(1), Integer.MAX_VALUE, null));
        }
        moments.sort(Comparator.comparing(Moment::at).thenComparingInt(Moment::sequence));
        Map<String, GapTimeline.Entry> entries = new LinkedHashMap<>();
        Map<String, GapStatus> last = new HashMap<>();
        for (Moment moment : moments) {
            for (Gap gap : engine.evaluate(pathwayId, known(recordedOrder, moment), moment.at(), Instant.MAX)) {
                GapStatus status = gap.statusAt(moment.at());
                if (status == last.put(gap.gapId(), status)) {
                    continue;
                }
                PathwayEvent e = moment.event();
                entries.computeIfAbsent(gap.gapId(), id -> new GapTimeline.Entry(id, gap.rule(), gap.triggeredBy(),
                        gap.dueAt(), new ArrayList<>())).changes().add(e != null
                        ? new GapTimeline.Change(moment.at(), status, "EVENT", e.eventId(), e.type().name(),
                        e.occurredAt(), e.recordedAt())
                        : new GapTimeline.Change(gap.dueAt(), status, "DEADLINE_PASSED", null, null, null, null));
            }
        }
        return new ArrayList<>(entries.values());
    }

    private static List<PathwayEvent> known(List<PathwayEvent> recordedOrder, Moment moment) {
        int before = 0;
        while (before < recordedOrder.size() && recordedOrder.get(before).recordedAt().isBefore(moment.at())) {
            before++;
        }
        int cutoff = moment.event() == null ? before : Math.max(before, moment.sequence() + 1);
        return recordedOrder.subList(0, Math.min(cutoff, recordedOrder.size()));
    }
}
