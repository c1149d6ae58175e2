package no.pathway.api.admin;

import org.springframework.http.HttpStatus;
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
}
