package no.pathway.api.gaps;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.UUID;
import no.pathway.api.ingest.EventsController;
import no.pathway.api.ingest.IngestOutcome;
import no.pathway.api.security.Caller;
import no.pathway.api.security.PathwayAccess;
import no.pathway.api.http.Forbidden;
import no.pathway.api.http.InvalidRequest;
import no.pathway.api.http.JsonBody;
import no.pathway.api.http.NotFound;
import no.pathway.api.http.Problem;
import no.pathway.core.value.FreeText;
import no.pathway.projections.gaps.GapRows;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A coordinator records that they saw a gap and what they are doing: an event on the gap's pathway. */
@RestController
public class AcknowledgementController {
    private static final int MAX_NOTE = 500;

    public record Acknowledged(String gapId, String pathwayId, String eventId, long sequence, Instant acknowledgedAt,
                               String acknowledgedBy, String note) {
    }

    private final GapRows gaps;
    private final PathwayAccess access;
    private final CoordinatorActions actions;
    private final JsonBody json;

    AcknowledgementController(GapRows gaps, PathwayAccess access, CoordinatorActions actions, JsonBody json) {
        this.gaps = gaps;
        this.access = access;
        this.actions = actions;
        this.json = json;
    }

    /** {@code {"note": "called the municipality; housing meeting on Friday"}} */
    @PostMapping(path = "/api/v1/gaps/{gapId}/acknowledge", consumes = "application/json")
    public ResponseEntity<?> acknowledge(@PathVariable String gapId, HttpServletRequest request, Caller caller) {
        GapRows.Row gap = parse(gapId) == null ? null : gaps.find(gapId).orElse(null);
        if (gap == null || !access.seesGap(caller, gap.gap()) || !access.visible(caller, gap.gap().pathwayId())) {
            throw new NotFound("No such gap.");
        }
        JsonNode body = json.read(request, 4096);
        JsonNode noteNode = body.isObject() ? body.get("note") : null;
        if (noteNode == null || !noteNode.isString() || noteNode.stringValue().isBlank()) {
            throw new InvalidRequest("note", "is required: what you saw and what you are doing");
        }
        String note = noteNode.stringValue();
        FreeText.problem(note, MAX_NOTE).ifPresent(p -> {
            throw new InvalidRequest("note", p);
        });
        if (caller.client() == null) {
            throw new Forbidden("The token names no client id.");
        }
        IngestOutcome outcome = actions.acknowledge(caller.client(), caller.subject(),
                gap.gap().pathwayId(), gapId, note);
        if (outcome instanceof IngestOutcome.Stored stored) {
            return ResponseEntity.status(HttpStatus.CREATED).body(new Acknowledged(gapId, gap.gap().pathwayId(),
                    stored.receipt().eventId(), stored.receipt().sequence(), stored.receipt().recordedAt(),
                    caller.subject(), note));
        }
        if (outcome instanceof IngestOutcome.PathwayFull full) {
            return EventsController.full(full.limit()).toResponse();
        }
        return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "The pathway is busy; nothing was stored. Retry.")
                .toResponse();
    }

    private static UUID parse(String gapId) {
        try {
            return UUID.fromString(gapId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
