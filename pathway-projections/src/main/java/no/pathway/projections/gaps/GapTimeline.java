package no.pathway.projections.gaps;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import java.util.HashMap;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.engine.GapReplay;
import no.pathway.projections.engine.GapRule;
import no.pathway.projections.engine.GapStatus;

/**
 * What the service showed about each gap over time: every status change, with what caused it. A status can change
 * when an event becomes known (at the later of its recording and its occurrence) or when a deadline passes.
 * Each moment is judged as the dashboard would have judged it then: {@code at = knownAt = moment}.
 */
public final class GapTimeline {
    /** One status change: from {@code at} on the gap showed {@code status}, because of the cause. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(Instant at, GapStatus status, String cause, String eventId, String eventType,
                         Instant occurredAt, Instant recordedAt) {
    }

    /** The changes of one gap, oldest first. */
    public record Entry(String gapId, GapRule rule, String triggeredBy, Instant dueAt, List<Change> changes) {
    }

    private GapTimeline() {
    }

    /** A moment at which the shown status may change: an event becoming known, or a deadline passing. */
    private record Moment(Instant at, int sequence, PathwayEvent event) {
    }

    public static List<Entry> of(GapEngine engine, String pathwayId, List<PathwayEvent> recordedOrder) {
        return of(engine, pathwayId, recordedOrder, new GapReplay(engine, pathwayId, recordedOrder));
    }

    /**
     * The same, moving one {@link GapReplay} through the moments: at each, only the gaps a change can touch are
     * judged again (near-linear in the pathway's events, where a whole judgement at each moment was quadratic).
     */
    static List<Entry> of(GapEngine engine, String pathwayId, List<PathwayEvent> recordedOrder, GapReplay replay) {
        List<Moment> moments = new ArrayList<>();
        for (int i = 0; i < recordedOrder.size(); i++) {
            PathwayEvent e = recordedOrder.get(i);
            moments.add(new Moment(e.recordedAt().isAfter(e.occurredAt()) ? e.recordedAt() : e.occurredAt(), i, e));
        }
        for (Gap gap : engine.evaluateAll(pathwayId, recordedOrder)) {
            moments.add(new Moment(gap.dueAt().plusNanos(1), Integer.MAX_VALUE, null));
        }
        moments.sort(Comparator.comparing(Moment::at).thenComparingInt(Moment::sequence));
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, GapStatus> last = new HashMap<>();
        int recordedBefore = 0;
        for (Moment moment : moments) {
            while (recordedBefore < recordedOrder.size()
                    && recordedOrder.get(recordedBefore).recordedAt().isBefore(moment.at())) {
                recordedBefore++;
            }
            for (Gap gap : replay.moveTo(known(recordedOrder, moment, recordedBefore), moment.at())) {
                GapStatus status = gap.statusAt(moment.at());
                if (status == last.put(gap.gapId(), status)) {
                    continue;
                }
                PathwayEvent e = moment.event();
                entries.computeIfAbsent(gap.gapId(), id -> new Entry(id, gap.rule(), gap.triggeredBy(), gap.dueAt(),
                        new ArrayList<>())).changes().add(e != null
                        ? new Change(moment.at(), status, "EVENT", e.eventId(), e.type().name(), e.occurredAt(),
                        e.recordedAt())
                        : new Change(gap.dueAt(), status, "DEADLINE_PASSED", null, null, null, null));
            }
        }
        return new ArrayList<>(entries.values());
    }

    /**
     * How many events of recorded order are known at a moment: those recorded before it and, among those recorded
     * at the very same instant, the moment's own event and the ones before it, so each change is laid to one event.
     */
    private static int known(List<PathwayEvent> recordedOrder, Moment moment, int recordedBefore) {
        int cutoff = moment.event() == null ? recordedBefore : Math.max(recordedBefore, moment.sequence() + 1);
        return Math.min(cutoff, recordedOrder.size());
    }
}
