package no.pathway.api.ui.pathway;

import java.util.List;
import java.util.Set;
import no.pathway.api.gaps.GapActions;
import no.pathway.api.http.FieldProblem;
import no.pathway.api.http.InvalidRequest;
import no.pathway.api.http.NotFound;
import no.pathway.api.security.Caller;
import no.pathway.api.security.PathwayAccess;
import no.pathway.api.security.Role;
import no.pathway.api.ui.login.PageRule;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pathway page's forms on a gap: assign it (to oneself or a colleague) and record a follow-up attempt, through
 * the same {@link GapActions} as the API, then back to the gap on the pathway page (post, redirect, get). What was
 * wrong comes back as message keys per form, never the values typed.
 */
@Controller
class FollowUpPageController {
    private static final String GAP = PathwayPageController.PATH + "/gaps/{gapId}";

    /** The problems of one form on the page: which gap's (or "reveal"), and a message key per bad field. */
    record FormError(String form, List<String> messages) {
    }

    private final GapActions actions;

    FollowUpPageController(GapActions actions) {
        this.actions = actions;
    }

    @Bean
    static PageRule followUpPages() {
        return PageRule.of(Set.of(Role.COORDINATOR), "/pathways/*/gaps/*/assignment",
                "/pathways/*/gaps/*/follow-up-attempts");
    }

    @PostMapping(GAP + "/assignment")
    String assign(@PathVariable String pathwayId, @PathVariable String gapId,
                  @RequestParam(required = false) String assignee, @RequestParam(required = false) String colleague,
                  Caller caller, RedirectAttributes redirect) {
        requireOnPathway(caller, pathwayId, gapId);
        String who = "me".equals(assignee) ? caller.subject() : "colleague".equals(assignee) ? colleague : null;
        try {
            actions.assign(caller, gapId, who);
        } catch (InvalidRequest e) {
            redirect.addFlashAttribute("formError", error("assign-" + gapId, e.problems()));
        }
        return back(pathwayId, gapId);
    }

    @PostMapping(GAP + "/follow-up-attempts")
    String attempt(@PathVariable String pathwayId, @PathVariable String gapId,
                   @RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
                   Caller caller, RedirectAttributes redirect) {
        requireOnPathway(caller, pathwayId, gapId);
        try {
            actions.attempt(caller, gapId, outcome, note);
        } catch (InvalidRequest e) {
            redirect.addFlashAttribute("formError", error("attempt-" + gapId, e.problems()));
        }
        return back(pathwayId, gapId);
    }

    /** The gap must be one the coordinator may act on, and of this pathway: otherwise the same 404 as the API's. */
    private void requireOnPathway(Caller caller, String pathwayId, String gapId) {
        if (!actions.actionable(caller, gapId).gap().pathwayId().equals(pathwayId)) {
            throw new NotFound(PathwayAccess.NO_SUCH_PATHWAY);
        }
    }

    private static FormError error(String form, List<FieldProblem> problems) {
        return new FormError(form, problems.stream().map(p -> "followUp.error." + p.field()).distinct().toList());
    }

    private static String back(String pathwayId, String gapId) {
        return "redirect:/pathways/" + pathwayId + "#gap-" + gapId;
    }
}
