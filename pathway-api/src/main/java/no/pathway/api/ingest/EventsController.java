package no.pathway.api.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.pathway.api.security.Caller;
import no.pathway.api.http.FieldProblem;
import no.pathway.api.http.Forbidden;
import no.pathway.api.http.InvalidRequest;
import no.pathway.api.http.JsonBody;
import no.pathway.api.http.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Ingestion as api.md says: one event, or a batch in which each event stands alone. The HTTP side of the JSON
 * adapter ({@link JsonEvents}) in front of the ingestion port.
 */
@RestController
@RequestMapping("/api/v1/events")
public class EventsController {

    /** The answer to a stored event. */
    public record Stored(String eventId, String pathwayId, long sequence, Instant recordedAt) {
        static Stored of(Receipt r) {
            return new Stored(r.eventId(), r.pathwayId(), r.sequence(), r.recordedAt());
        }
    }

    /** One event's result in a batch. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchResult(int index, int status, String eventId, String pathwayId, Long sequence,
                              Instant recordedAt, Problem problem) {
    }

    public record BatchAnswer(List<BatchResult> results) {
    }

    private final IngestionService ingestion;
    private final JsonEvents events;
    private final JsonBody json;
    private final IngestProperties properties;

    EventsController(IngestionService ingestion, JsonEvents events, JsonBody json, IngestProperties properties) {
        this.ingestion = ingestion;
        this.events = events;
        this.json = json;
        this.properties = properties;
    }

    @PostMapping(consumes = "application/json")
    public ResponseEntity<?> post(HttpServletRequest request, Caller caller) {
        Source source = source(caller);
        IngestOutcome outcome = events.record(source, List.of(json.read(request, properties.maxEventBytes()))).get(0);
        if (outcome instanceof IngestOutcome.Stored s) {
            return ResponseEntity.status(s.first() ? HttpStatus.CREATED : HttpStatus.OK).body(Stored.of(s.receipt()));
        }
        return problem(outcome).toResponse();
    }

    @PostMapping(path = "/batch", consumes = "application/json")
    public BatchAnswer batch(HttpServletRequest request, Caller caller) {
        Source source = source(caller);
        JsonNode body = json.read(request, properties.maxBatchBytes());
        JsonNode posted = body.isObject() ? body.get("events") : null;
        if (posted == null || !posted.isArray()) {
            throw new InvalidRequest("events", "is required: a JSON array of events");
        }
        if (posted.size() > properties.maxBatchEvents()) {
            throw new InvalidRequest("events", "must hold at most " + properties.maxBatchEvents() + " events");
        }
        body.propertyNames().stream().filter(name -> !name.equals("events")).findFirst().ifPresent(name -> {
            throw new InvalidRequest(name, "is not a field of a batch");
        });
        List<JsonNode> each = new ArrayList<>(posted.size());
        posted.forEach(each::add);
        List<IngestOutcome> outcomes = events.record(source, each);
        List<BatchResult> results = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            results.add(result(i, outcomes.get(i)));
        }
        return new BatchAnswer(results);
    }

    private static BatchResult result(int index, IngestOutcome outcome) {
        if (outcome instanceof IngestOutcome.Stored s) {
            Receipt r = s.receipt();
            return new BatchResult(index, s.first() ? 201 : 200, r.eventId(), r.pathwayId(), r.sequence(),
                    r.recordedAt(), null);
        }
        Problem problem = problem(outcome);
        return new BatchResult(index, problem.status(), outcome.eventId(), null, null, null, problem);
    }

    private static Problem problem(IngestOutcome outcome) {
        if (outcome instanceof IngestOutcome.Invalid i) {
            return Problem.invalid(i.problems());
        }
        if (outcome instanceof IngestOutcome.NotGranted n) {
            return new Problem("about:blank", HttpStatus.FORBIDDEN.getReasonPhrase(), HttpStatus.FORBIDDEN.value(),
                    "This source system is not registered to post this event; nothing was stored.", n.problems());
        }
        if (outcome instanceof IngestOutcome.PathwayFull full) {
            return full(full.limit());
        }
        if (outcome instanceof IngestOutcome.Conflict) {
            return Problem.of(HttpStatus.UNPROCESSABLE_CONTENT,
                    "This source already posted an event with this eventId and different content.");
        }
        return Problem.of(HttpStatus.SERVICE_UNAVAILABLE,
                "The pathway is busy with concurrent writes; nothing was stored. Retry the request.");
    }

    /**
     * 409: the pathway already holds the most events one may hold (docs/security.md, "Events per pathway"). Names
     * the field that chose the pathway and the limit; echoes nothing.
     */
    public static Problem full(int limit) {
        return new Problem("about:blank", HttpStatus.CONFLICT.getReasonPhrase(), HttpStatus.CONFLICT.value(),
                "The pathway already holds " + limit + " events, the most one pathway may hold; nothing was stored.",
                List.of(new FieldProblem("personId", "names a pathway that holds the most events a pathway may hold ("
                        + limit + ")")));
    }

    /**
     * The authenticated client is the source: a system cannot post (or retract) in another system's name. It must be
     * registered, which is checked before the body is read.
     */
    private Source source(Caller caller) {
        if (caller.client() == null) {
            throw new Forbidden("The token names no client id usable as a source (1-128 of A-Z a-z 0-9 . _ : -).");
        }
        return ingestion.requireRegistered(caller.client());
    }
}
