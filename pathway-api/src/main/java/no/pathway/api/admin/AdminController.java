package no.pathway.api.admin;

import no.pathway.api.http.Problem;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator calls: read-model progress and rebuild. No personal data. */
@RestController
@RequestMapping("/api/v1/admin/read-models")
public class AdminController {
    private final ReadModels readModels;

    AdminController(ReadModels readModels) {
        this.readModels = readModels;
    }

    @GetMapping
    public ReadModels.Status status() {
        return readModels.status();
    }

    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ReadModels.Status rebuild() {
        return readModels.rebuild();
    }

    @ExceptionHandler(UnableToClaimTokenException.class)
    ResponseEntity<Problem> claimedElsewhere() {
        return Problem.of(HttpStatus.CONFLICT, "Another instance still holds the read-model processor; stop it or "
                + "wait for its claim to time out, then try again.").toResponse();
    }
}
