package no.pathway.api.admin;

import java.util.Optional;
import no.pathway.api.http.NotFound;
import no.pathway.api.http.Problem;
import no.pathway.api.identity.PathwayIds;
import no.pathway.projections.quarantine.Quarantine;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator calls: read-model progress, rebuild, and the pathways set aside. No personal data: pathway ids are
 * pseudonyms, and a set-aside pathway shows its error's type, never its message.
 */
@RestController
@RequestMapping("/api/v1/admin/read-models")
public class AdminController {
    private final ReadModels readModels;

    AdminController(ReadModels readModels) {
        this.readModels = readModels;
    }

    /** Answers within the health bound: 503 when the database does not (docs/operations.md). */
    @GetMapping
    public ReadModels.Status status() {
        return readModels.promptStatus();
    }

    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ReadModels.Status rebuild() {
        return readModels.rebuild();
    }

    @GetMapping("/quarantine")
    public ReadModels.Quarantined quarantine() {
        return readModels.quarantined();
    }

    /** The answer after the retry: released, or still set aside with the new attempt's error type. */
    public record RetryAnswer(String pathwayId, boolean released, Quarantine.SetAside stillSetAside) {
    }

    @PostMapping("/quarantine/{pathwayId}/retry")
    public RetryAnswer retry(@PathVariable String pathwayId) {
        if (!PathwayIds.isWellFormed(pathwayId)) {
            throw new NotFound("That pathway is not set aside.");
        }
        Optional<Quarantine.SetAside> still = readModels.retry(pathwayId);
        return new RetryAnswer(pathwayId, still.isEmpty(), still.orElse(null));
    }

    @PostMapping("/quarantine/retry")
    public ReadModels.Retried retryAll() {
        return readModels.retryAll();
    }

    @ExceptionHandler(ReadModels.RebuildRunning.class)
    ResponseEntity<Problem> rebuildRunning() {
        return Problem.of(HttpStatus.CONFLICT, "A rebuild is running; it judges every pathway again. Try again when "
                + "it has finished.").toResponse();
    }

    @ExceptionHandler(UnableToClaimTokenException.class)
    ResponseEntity<Problem> claimedElsewhere() {
        return Problem.of(HttpStatus.CONFLICT, "Another instance still holds the read-model processor; stop it or "
                + "wait for its claim to time out, then try again.").toResponse();
    }
}
