package no.pathway.projections.gaps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.pathway.core.event.FollowUpAttempted;
import no.pathway.core.event.FollowUpOutcome;
import no.pathway.core.event.GapAssigned;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.engine.Seen;

/**
 * Who has a gap and what was tried: the latest assignment (or null) and the call log, oldest attempt first. Both come
 * from the pathway's events (GAP_ASSIGNED, FOLLOW_UP_ATTEMPTED), so they replay and rebuild like everything else.
 */
public record FollowUp(Assignment assignment, List<Attempt> attempts) {
    public static final FollowUp NONE = new FollowUp(null, List.of());

    /** A gap made someone's task: when, to whom and by whom (token subjects). */
    public record Assignment(Instant at, String to, String by) {
    }

    /** One entry of a gap's call log. */
    public record Attempt(Instant at, String by, FollowUpOutcome outcome, String note) {
    }

    public FollowUp {
        attempts = List.copyOf(attempts);
    }

    /** Per gap id, among what was seen at (at, knownAt) in recorded order; retracted actions excluded. */
    public static Map<String, FollowUp> of(List<PathwayEvent> recordedOrder, Instant at, Instant knownAt) {
        Map<String, Assignment> assignments = new HashMap<>();
        Map<String, List<Attempt>> attempts = new HashMap<>();
        for (Seen.Fact<PathwayEvent> f : Seen.of(recordedOrder, at, knownAt).all()) {
            if (f.event() instanceof GapAssigned a) {
                assignments.put(a.gapId(), new Assignment(a.occurredAt(), a.assignee(), a.assignedBy()));
            } else if (f.event() instanceof FollowUpAttempted t) {
                attempts.computeIfAbsent(t.gapId(), k -> new ArrayList<>())
                        .add(new Attempt(t.occurredAt(), t.attemptedBy(), t.outcome(), t.note()));
            }
        }
        Map<String, FollowUp> byGap = new HashMap<>();
        assignments.forEach((gap, a) -> byGap.put(gap, new FollowUp(a, attempts.getOrDefault(gap, List.of()))));
        attempts.forEach((gap, list) -> byGap.putIfAbsent(gap, new FollowUp(null, list)));
        return byGap;
    }

    public boolean isEmpty() {
        return assignment == null && attempts.isEmpty();
    }
}
