package no.pathway.api.ui.pathway;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import no.pathway.api.audit.AccessLog;
import no.pathway.api.identity.PathwayIds;
import no.pathway.api.ingest.IngestProperties;
import no.pathway.api.pathway.PathwayHistory;
import no.pathway.api.security.Caller;
import no.pathway.api.security.PathwayAccess;
import no.pathway.api.security.Role;
import no.pathway.api.ui.layout.Navigation;
import no.pathway.api.ui.login.PageRule;
import no.pathway.core.value.PersonId;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Find a pathway by a person's identity number. The number travels in the form's POST body only, is turned into the
 * pathway's pseudonym at once and goes nowhere else: not into a URL, a log line, the page or an error (a wrong or
 * unknown number shows an empty field and a sentence). A pathway outside the coordinator's municipalities answers
 * exactly like one that does not exist. Every search is in the access log, found or not, as {@code POST
 * /api/v1/pathways/lookup} is.
 */
@Controller
class FindController {
    static final String PATH = "/find";

    private final PathwayIds pathwayIds;
    private final PathwayHistory history;
    private final PathwayAccess access;
    private final AccessLog accessLog;
    private final boolean acceptSynthetic;

    FindController(PathwayIds pathwayIds, PathwayHistory history, PathwayAccess access, AccessLog accessLog,
                   IngestProperties ingest) {
        this.pathwayIds = pathwayIds;
        this.history = history;
        this.access = access;
        this.accessLog = accessLog;
        this.acceptSynthetic = ingest.acceptSyntheticPersonIds();
    }

    @Bean
    static PageRule findPages() {
        return PageRule.of(Set.of(Role.COORDINATOR, Role.AUDITOR), PATH);
    }

    @Bean
    static Navigation findMenu() {
        return new Navigation(20, PATH, "nav.find", Set.of(Role.COORDINATOR, Role.AUDITOR));
    }

    @GetMapping(PATH)
    String form() {
        return "pathway/find";
    }

    @PostMapping(PATH)
    String find(@RequestParam(name = "personId", required = false) String personId, Caller caller,
                HttpServletResponse response, Model model) {
        String digits = personId == null ? "" : personId.replaceAll("[\\s.]", "");
        if (PersonId.problem(digits, acceptSynthetic).isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "find.invalid");
            return "pathway/find";
        }
        String pathwayId = pathwayIds.of(PersonId.of(digits, acceptSynthetic));
        boolean found = history.exists(pathwayId) && access.visible(caller, pathwayId);
        accessLog.record(caller, found ? List.of(pathwayId) : List.of());
        if (!found) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("error", "find.notFound");
            return "pathway/find";
        }
        return "redirect:" + PathwayPageController.PATH.replace("{pathwayId}", pathwayId);
    }
}
