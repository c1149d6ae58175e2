package no.pathway.api.pathway;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import no.pathway.api.audit.AccessLog;
import no.pathway.api.http.FieldProblem;
import no.pathway.api.http.Forbidden;
import no.pathway.api.http.InvalidRequest;
import no.pathway.api.http.JsonBody;
import no.pathway.api.http.NotFound;
import no.pathway.api.http.Problem;
import no.pathway.api.identity.IdentityVault;
import no.pathway.api.identity.PathwayIds;
import no.pathway.api.security.Caller;
import no.pathway.api.security.PathwayAccess;
import no.pathway.core.value.FreeText;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The person behind a pathway (api.md, revised December 2026): the identity number revealed in the body, for a
 * stated purpose, to a coordinator who may see the pathway or to an auditor, and logged before it leaves; and the
 * erasure of a person's number (crypto-shredding) by an auditor or operator.
 */
@RestController
@RequestMapping("/api/v1/pathways/{pathwayId}/identity")
public class IdentityController {
    private static final int MAX_BODY = 2048;
    private static final int MAX_NOTE = 150;

    /** Why a number is revealed: a short list, so the log can be read and counted. */
    public enum Purpose {
        /** Follow up a gap: call, visit or book the person. */
        FOLLOW_UP,
        /** Hand the person over to another service. */
        HANDOVER,
        /** A supervision, audit or quality case. */
        AUDIT,
        /** The person asks what is held about them. */
        PERSON_REQUEST
    }

    public record Revealed(String pathwayId, String personId, Purpose purpose, Instant revealedAt) {
    }

    public record Erased(String pathwayId, Instant erasedAt, IdentityVault.ErasureReason reason) {
    }

    private final PathwayHistory history;
    private final PathwayAccess access;
    private final Reveals reveals;
    private final IdentityVault vault;
    private final AccessLog accessLog;
    private final JsonBody json;
    private final Clock clock;

    IdentityController(PathwayHistory history, PathwayAccess access, Reveals reveals, IdentityVault vault,
                       AccessLog accessLog, JsonBody json, Clock clock) {
        this.history = history;
        this.access = access;
        this.reveals = reveals;
        this.vault = vault;
        this.accessLog = accessLog;
        this.json = json;
        this.clock = clock;
    }

    /** {@code {"purpose": "FOLLOW_UP", "note": "detox ended yesterday, no appointment"}} */
    @PostMapping(consumes = "application/json")
    public ResponseEntity<?> reveal(@PathVariable String pathwayId, HttpServletRequest request, Caller caller) {
        requireExisting(pathwayId);
        access.requireVisible(caller, pathwayId);
        if (caller.subject() == null || caller.subject().isBlank()) {
            throw new Forbidden("A reveal is made by a person: the token names no subject.");
        }
        Body body = Body.read(json.read(request, MAX_BODY), "purpose", Purpose.class);
        IdentityVault.Lookup found = reveals.reveal(caller, pathwayId, body.logged());
        if (found instanceof IdentityVault.Held held) {
            return ResponseEntity.ok(new Revealed(pathwayId, held.person().digits(), Purpose.valueOf(body.choice()),
                    clock.instant()));
        }
        return notHeld(found);
    }

    /** {@code {"reason": "ERASURE_REQUEST", "note": "case 2026/17"}}: destroys the person's data key. */
    @PostMapping(path = "/erasure", consumes = "application/json")
    public ResponseEntity<?> erase(@PathVariable String pathwayId, HttpServletRequest request, Caller caller) {
        requireExisting(pathwayId);
        Body body = Body.read(json.read(request, MAX_BODY), "reason", IdentityVault.ErasureReason.class);
        IdentityVault.ErasureReason reason = IdentityVault.ErasureReason.valueOf(body.choice());
        accessLog.record(caller, List.of(pathwayId), "ERASURE " + body.logged());
        String by = caller.subject() == null ? "client:" + caller.client() : caller.subject();
        if (!vault.erase(pathwayId, by, reason)) {
            return notHeld(vault.reveal(pathwayId));
        }
        return ResponseEntity.ok(new Erased(pathwayId, clock.instant(), reason));
    }

    @ExceptionHandler(Reveals.TooMany.class)
    ResponseEntity<Problem> tooMany(Reveals.TooMany e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problem.of(HttpStatus.TOO_MANY_REQUESTS, "Too many identity numbers revealed in the last "
                        + "hour; the limit protects the people behind the pathways (docs/security.md)."));
    }

    private void requireExisting(String pathwayId) {
        if (!PathwayIds.isWellFormed(pathwayId) || !history.exists(pathwayId)) {
            throw new NotFound(PathwayAccess.NO_SUCH_PATHWAY);
        }
    }

    /** 410 for an erased number, 404 when the vault never held one. */
    private static ResponseEntity<Problem> notHeld(IdentityVault.Lookup found) {
        if (found instanceof IdentityVault.Erased erased) {
            return Problem.of(HttpStatus.GONE, "The identity number of this pathway was erased (" + erased.reason()
                    + ", " + erased.at() + "); it cannot be revealed. The pathway's events are unchanged.")
                    .toResponse();
        }
        return Problem.of(HttpStatus.NOT_FOUND, "The vault holds no identity number for this pathway (its events "
                + "were recorded before the vault existed).").toResponse();
    }

    /** A strict body of one required choice and an optional note; the log keeps "CHOICE" or "CHOICE: note". */
    private record Body(String choice, String note) {
        static <E extends Enum<E>> Body read(JsonNode node, String field, Class<E> choices) {
            if (!node.isObject()) {
                throw new InvalidRequest("(body)", "must be a JSON object");
            }
            List<FieldProblem> problems = new ArrayList<>();
            node.propertyNames().stream().filter(name -> !name.equals(field) && !name.equals("note"))
                    .forEach(name -> problems.add(new FieldProblem(name, "is not a field of this "
                            + "request")));
            JsonNode value = node.get(field);
            String choice = null;
            if (value == null || !value.isString() || Arrays.stream(choices.getEnumConstants())
                    .noneMatch(c -> c.name().equals(value.stringValue()))) {
                problems.add(new FieldProblem(field, "is required: one of "
                        + Arrays.stream(choices.getEnumConstants()).map(Enum::name)
                        .collect(Collectors.joining(", "))));
            } else {
                choice = value.stringValue();
            }
            JsonNode noteNode = node.get("note");
            String note = null;
            if (noteNode != null && !noteNode.isNull()) {
                if (!noteNode.isString()) {
                    problems.add(new FieldProblem("note", "must be a string"));
                } else {
                    note = noteNode.stringValue();
                    FreeText.problem(note, MAX_NOTE).ifPresent(p -> problems.add(
                            new FieldProblem("note", p)));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidRequest(problems);
            }
            return new Body(choice, note == null || note.isBlank() ? null : note.strip());
        }

        String logged() {
            return note == null ? choice : choice + ": " + note;
        }
    }
}
