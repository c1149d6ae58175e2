package no.pathway.api.gaps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.pathway.api.http.Answered;
import no.pathway.api.http.FieldProblem;
import no.pathway.api.http.Forbidden;
import no.pathway.api.http.InvalidRequest;
import no.pathway.api.http.NotFound;
import no.pathway.api.http.Unavailable;
import no.pathway.api.ingest.EventsController;
import no.pathway.api.ingest.IngestOutcome;
import no.pathway.api.security.Caller;
import no.pathway.api.security.PathwayAccess;
import no.pathway.api.security.Role;
import no.pathway.core.event.FollowUpOutcome;
import no.pathway.core.value.FreeText;
import no.pathway.projections.gaps.GapRows;
import org.springframework.stereotype.Service;

/**
 * A coordinator's work on a gap, for the API and the pages alike: assigning it (to themselves or a colleague) and
 * recording a follow-up attempt, each an event on the gap's pathway. Only a coordinator of the gap's (responsible)
 * municipality may act on it; for anyone else the gap does not exist. Values are checked here, every bad one named.
 */
@Service
public class GapActions {
    public static final int MAX_ASSIGNEE = 255;
    public static final int MAX_NOTE = 500;

    /** What was stored: the event on the gap's pathway. */
    public record Recorded(String gapId, String pathwayId, String eventId, long sequence, Instant recordedAt) {
    }

    private final GapRows gaps;
    private final PathwayAccess access;
    private final CoordinatorActions actions;

    GapActions(GapRows gaps, PathwayAccess access, CoordinatorActions actions) {
        this.gaps = gaps;
        this.access = access;
        this.actions = actions;
    }

    /** The gap, when the caller is a coordinator of its municipality who may open its pathway; otherwise 404. */
    public GapRows.Row actionable(Caller caller, String gapId) {
        GapRows.Row gap = isUuid(gapId) ? gaps.find(gapId).orElse(null) : null;
        if (gap == null || !caller.is(Role.COORDINATOR) || gap.gap().municipality() == null
                || !caller.municipalities().contains(gap.gap().municipality())
                || !access.visible(caller, gap.gap().pathwayId())) {
            throw new NotFound("No such gap.");
        }
        return gap;
    }

    /** Makes the gap {@code assignee}'s task (a token subject); GAP_ASSIGNED. */
    public Recorded assign(Caller caller, String gapId, String assignee) {
        GapRows.Row gap = actionable(caller, gapId);
        refuse(assignmentProblems(assignee));
        requirePerson(caller);
        return recorded(gap, actions.assign(caller.client(), caller.subject(), gap.gap().pathwayId(), gapId,
                assignee.strip()));
    }

    /** What is wrong with an assignee, one problem per field; empty when it can be stored. */
    public static List<FieldProblem> assignmentProblems(String assignee) {
        List<FieldProblem> problems = new ArrayList<>();
        String who = assignee == null ? "" : assignee.strip();
        if (who.isEmpty()) {
            problems.add(new FieldProblem("assignee", "is required: the user id of the coordinator who takes the gap"));
        } else {
            FreeText.problem(who, MAX_ASSIGNEE).ifPresent(p -> problems.add(new FieldProblem("assignee", p)));
        }
        return problems;
    }

    /** One entry of the gap's call log: how the attempt went and an optional note; FOLLOW_UP_ATTEMPTED. */
    public Recorded attempt(Caller caller, String gapId, String outcome, String note) {
        GapRows.Row gap = actionable(caller, gapId);
        refuse(attemptProblems(outcome, note));
        requirePerson(caller);
        return recorded(gap, actions.followUp(caller.client(), caller.subject(), gap.gap().pathwayId(), gapId,
                outcome(outcome), note == null || note.isBlank() ? null : note.strip()));
    }

    /** What is wrong with an attempt's outcome and note, one problem per field; empty when it can be stored. */
    public static List<FieldProblem> attemptProblems(String outcome, String note) {
        List<FieldProblem> problems = new ArrayList<>();
        if (outcome(outcome) == null) {
            problems.add(new FieldProblem("outcome", "is required: one of REACHED, NOT_REACHED, "
                    + "APPOINTMENT_BOOKED, REFERRED, OTHER"));
        }
        if (note != null && !note.isBlank()) {
            FreeText.problem(note.strip(), MAX_NOTE).ifPresent(p -> problems.add(new FieldProblem("note", p)));
        }
        return problems;
    }

    private static FollowUpOutcome outcome(String value) {
        for (FollowUpOutcome o : FollowUpOutcome.values()) {
            if (o.name().equals(value)) {
                return o;
            }
        }
        return null;
    }

    private static void refuse(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
    }

    /** An action is a person's: the token must name who (subject) and through which client (the event's source). */
    private static void requirePerson(Caller caller) {
        if (caller.client() == null) {
            throw new Forbidden("The token names no client id.");
        }
        if (caller.subject() == null || caller.subject().isBlank()) {
            throw new Forbidden("A coordinator's action is made by a person: the token names no subject.");
        }
    }

    private static Recorded recorded(GapRows.Row gap, IngestOutcome outcome) {
        if (outcome instanceof IngestOutcome.Stored stored) {
            return new Recorded(gap.gap().gapId(), gap.gap().pathwayId(), stored.receipt().eventId(),
                    stored.receipt().sequence(), stored.receipt().recordedAt());
        }
        if (outcome instanceof IngestOutcome.PathwayFull full) {
            throw new Answered(EventsController.full(full.limit()));
        }
        throw new Unavailable(new IllegalStateException("the pathway is busy; nothing was stored"));
    }

    private static boolean isUuid(String gapId) {
        try {
            UUID.fromString(gapId);
            return gapId.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
