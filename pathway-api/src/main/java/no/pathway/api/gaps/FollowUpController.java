package no.pathway.api.gaps;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.pathway.api.http.FieldProblem;
import no.pathway.api.http.InvalidRequest;
import no.pathway.api.http.JsonBody;
import no.pathway.api.security.Caller;
import no.pathway.core.event.FollowUpOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A coordinator's follow-up of a gap: assigning it and recording attempts (the call log), each an event on the gap's
 * pathway. The body is strict: unknown fields and fields of the wrong type are named, nothing is stored.
 */
@RestController
public class FollowUpController {
    private static final int MAX_BODY = 4096;

    public record Assigned(String gapId, String pathwayId, String eventId, long sequence, Instant assignedAt,
                           String assignedTo, String assignedBy) {
    }

    public record Attempted(String gapId, String pathwayId, String eventId, long sequence, Instant attemptedAt,
                            String attemptedBy, FollowUpOutcome outcome, String note) {
    }

    private final GapActions actions;
    private final JsonBody json;

    FollowUpController(GapActions actions, JsonBody json) {
        this.actions = actions;
        this.json = json;
    }

    /** {@code {"assignee": "<user id of the coordinator who takes the gap>"}} */
    @PostMapping(path = "/api/v1/gaps/{gapId}/assignment", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    public Assigned assign(@PathVariable String gapId, HttpServletRequest request, Caller caller) {
        actions.actionable(caller, gapId);
        JsonNode body = json.read(request, MAX_BODY);
        String assignee = text(body, "assignee");
        refuse(shapeProblems(body, Set.of("assignee")), GapActions.assignmentProblems(assignee));
        GapActions.Recorded r = actions.assign(caller, gapId, assignee);
        return new Assigned(gapId, r.pathwayId(), r.eventId(), r.sequence(), r.recordedAt(), assignee.strip(),
                caller.subject());
    }

    /** {@code {"outcome": "NOT_REACHED", "note": "no answer; will try again after lunch"}} */
    @PostMapping(path = "/api/v1/gaps/{gapId}/follow-up-attempts", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    public Attempted attempt(@PathVariable String gapId, HttpServletRequest request, Caller caller) {
        actions.actionable(caller, gapId);
        JsonNode body = json.read(request, MAX_BODY);
        String outcome = text(body, "outcome");
        String note = text(body, "note");
        refuse(shapeProblems(body, Set.of("outcome", "note")), GapActions.attemptProblems(outcome, note));
        GapActions.Recorded r = actions.attempt(caller, gapId, outcome, note);
        return new Attempted(gapId, r.pathwayId(), r.eventId(), r.sequence(), r.recordedAt(), caller.subject(),
                FollowUpOutcome.valueOf(outcome), note == null || note.isBlank() ? null : note.strip());
    }

    /** The body must be an object of only the known fields, each a string or null; every other field is named. */
    private static List<FieldProblem> shapeProblems(JsonNode body, Set<String> fields) {
        if (!body.isObject()) {
            return List.of(new FieldProblem("(body)", "must be a JSON object"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!fields.contains(name)) {
                problems.add(new FieldProblem(name, "is not a field of this request"));
            } else if (!body.get(name).isString() && !body.get(name).isNull()) {
                problems.add(new FieldProblem(name, "must be a string"));
            }
        }
        return problems;
    }

    /** Shape problems first; a value problem only for a field not named already. */
    private static void refuse(List<FieldProblem> shape, List<FieldProblem> values) {
        List<FieldProblem> problems = new ArrayList<>(shape);
        boolean notAnObject = shape.stream().anyMatch(p -> p.field().equals("(body)"));
        values.stream().filter(v -> !notAnObject && shape.stream().noneMatch(p -> p.field().equals(v.field())))
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
    }

    /** A field's text, or null when it is absent, null or not a string. */
    private static String text(JsonNode body, String field) {
        JsonNode value = body.isObject() ? body.get(field) : null;
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
