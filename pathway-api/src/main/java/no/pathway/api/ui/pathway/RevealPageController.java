package no.pathway.api.ui.pathway;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import no.pathway.api.identity.IdentityVault;
import no.pathway.api.identity.PathwayIds;
import no.pathway.api.pathway.IdentityController;
import no.pathway.api.pathway.PathwayHistory;
import no.pathway.api.pathway.Reveals;
import no.pathway.api.security.Caller;
import no.pathway.api.security.PathwayAccess;
import no.pathway.api.security.Role;
import no.pathway.api.ui.gaps.GapWording;
import no.pathway.api.ui.login.PageRule;
import no.pathway.api.http.NotFound;
import no.pathway.core.value.FreeText;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person behind a pathway, revealed for a purpose from the pathway page: the same {@link Reveals} as
 * {@code POST /api/v1/pathways/{id}/identity}, so the reveal is in the access log with its purpose before the number
 * is read. The number is on the answer to the POST only: never in a URL, a redirect, the session or a list, and the
 * answer is not stored by the browser (Cache-Control: no-store).
 */
@Controller
class RevealPageController {
    private static final int MAX_NOTE = 150;

    private final PathwayHistory history;
    private final PathwayAccess access;
    private final Reveals reveals;
    private final GapWording wording;
    private final MessageSource messages;
    private final Clock clock;

    RevealPageController(PathwayHistory history, PathwayAccess access, Reveals reveals, GapWording wording,
                         MessageSource messages, Clock clock) {
        this.history = history;
        this.access = access;
        this.reveals = reveals;
        this.wording = wording;
        this.messages = messages;
        this.clock = clock;
    }

    @Bean
    static PageRule revealPages() {
        return PageRule.of(Set.of(Role.COORDINATOR, Role.AUDITOR), "/pathways/*/identity");
    }

    @PostMapping(PathwayPageController.PATH + "/identity")
    String reveal(@PathVariable String pathwayId, @RequestParam(required = false) String purpose,
                  @RequestParam(required = false) String note, Caller caller, Locale locale,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (!PathwayIds.isWellFormed(pathwayId) || !history.exists(pathwayId)) {
            throw new NotFound(PathwayAccess.NO_SUCH_PATHWAY);
        }
        access.requireVisible(caller, pathwayId);
        List<String> problems = new ArrayList<>();
        boolean known = Arrays.stream(IdentityController.Purpose.values()).anyMatch(p -> p.name().equals(purpose));
        if (!known) {
            problems.add("reveal.error.purpose");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && FreeText.problem(text, MAX_NOTE).isPresent()) {
            problems.add("reveal.error.note");
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("formError", new FollowUpPageController.FormError("reveal", problems));
            return "redirect:/pathways/" + pathwayId + "#reveal";
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("pathwayId", pathwayId);
        model.addAttribute("purpose", messages.getMessage("purpose." + purpose, null, locale));
        try {
            IdentityVault.Lookup found = reveals.reveal(caller, pathwayId, text == null ? purpose : purpose + ": "
                    + text);
            model.addAttribute("logged", wording.time(clock.instant(), locale));
            if (found instanceof IdentityVault.Held held) {
                model.addAttribute("number", held.person().digits());
            } else {
                model.addAttribute("notShown", found instanceof IdentityVault.Erased ? "identity.erased"
                        : "identity.absent");
            }
        } catch (Reveals.TooMany e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            model.addAttribute("notShown", "reveal.tooMany");
        }
        return "pathway/identity";
    }
}
