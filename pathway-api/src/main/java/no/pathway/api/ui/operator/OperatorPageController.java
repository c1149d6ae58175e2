package no.pathway.api.ui.operator;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import no.pathway.api.admin.ReadModels;
import no.pathway.api.http.NotFound;
import no.pathway.api.http.Unavailable;
import no.pathway.api.identity.PathwayIds;
import no.pathway.api.security.Role;
import no.pathway.api.ui.gaps.GapWording;
import no.pathway.api.ui.layout.Navigation;
import no.pathway.api.ui.login.PageRule;
import no.pathway.projections.quarantine.Quarantine;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's page: the read models against the event store (how far behind, the last event processed,
 * failures, pathways set aside), a rebuild with its progress, and the set-aside pathways with a retry each. The same
 * service calls as {@code /api/v1/admin/read-models} ({@link ReadModels}). No personal data: pathway ids are
 * pseudonyms and a failure shows its type only, so there is nothing for the access log, as in the admin API.
 */
@Controller
class OperatorPageController {
    static final String PATH = "/operator";
    static final String PROGRESS = PATH + "/rebuild-progress";

    /** A notice after an action, in the reader's language, with the Designsystemet colour of its alert. */
    record Notice(String text, String color) {
    }

    /**
     * The rebuild's progress as the page's script reads it. {@code percent} is null while the pathways are being
     * counted; {@code running} turns false when the rebuild has finished (and the page reloads).
     */
    record Progress(boolean running, long judged, Long total, Integer percent) {
        static Progress of(ReadModels.Status status) {
            ReadModels.RebuildProgress rebuild = status.rebuild();
            if (rebuild == null) {
                return new Progress(false, 0, null, null);
            }
            Double fraction = rebuild.fraction();
            return new Progress(true, rebuild.pathwaysJudged(), rebuild.pathwaysTotal(),
                    fraction == null ? null : (int) Math.floor(fraction * 100));
        }
    }

    private final ReadModels readModels;
    private final GapWording wording;
    private final MessageSource messages;

    OperatorPageController(ReadModels readModels, GapWording wording, MessageSource messages) {
        this.readModels = readModels;
        this.wording = wording;
        this.messages = messages;
    }

    @Bean
    static PageRule operatorPages() {
        return PageRule.of(Set.of(Role.OPERATOR), PATH, PATH + "/**");
    }

    @Bean
    static Navigation operatorMenu() {
        return new Navigation(50, PATH, "nav.operator", Set.of(Role.OPERATOR));
    }

    @GetMapping(PATH)
    String operator(Locale locale, Model model) {
        Optional<ReadModels.Status> status = status();
        model.addAttribute("status", status.orElse(null));
        status.ifPresent(s -> {
            model.addAttribute("lastProcessed", s.head() - s.behind());
            model.addAttribute("progress", Progress.of(s));
            model.addAttribute("lastFailureAt", s.lastFailure() == null ? null
                    : wording.time(s.lastFailure().at(), locale));
            model.addAttribute("rebuildFailureAt", s.rebuildFailure() == null ? null
                    : wording.time(s.rebuildFailure().at(), locale));
        });
        ReadModels.Quarantined quarantined = readModels.quarantined();
        model.addAttribute("quarantined", quarantined);
        model.addAttribute("setAside", quarantined.pathways().stream().map(p -> new SetAsideLine(p,
                wording.time(p.since(), locale), wording.time(p.lastAttempt(), locale))).toList());
        return "operator/operator";
    }

    /** A set-aside pathway with its times in Oslo time. */
    record SetAsideLine(Quarantine.SetAside entry, String since, String lastAttempt) {
    }

    /** For the progress bar's script: JSON, never cached. */
    @GetMapping(PROGRESS)
    ResponseEntity<Progress> progress() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Progress.of(readModels.promptStatus()));
    }

    @PostMapping(PATH + "/rebuild")
    String rebuild(Locale locale, RedirectAttributes redirect) {
        try {
            readModels.rebuild();
            redirect.addFlashAttribute("notice", notice(locale, "info", "operator.rebuild.started"));
        } catch (UnableToClaimTokenException e) {
            redirect.addFlashAttribute("notice", notice(locale, "warning", "operator.rebuild.claimedElsewhere"));
        }
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/quarantine/{pathwayId}/retry")
    String retry(@PathVariable String pathwayId, Locale locale, RedirectAttributes redirect) {
        if (!PathwayIds.isWellFormed(pathwayId)) {
            throw new NotFound("That pathway is not set aside.");
        }
        try {
            Optional<Quarantine.SetAside> still = readModels.retry(pathwayId);
            redirect.addFlashAttribute("notice", still.isEmpty()
                    ? notice(locale, "success", "operator.retry.released")
                    : notice(locale, "warning", "operator.retry.stillSetAside"));
        } catch (NotFound e) {
            redirect.addFlashAttribute("notice", notice(locale, "info", "operator.retry.notSetAside"));
        } catch (ReadModels.RebuildRunning e) {
            redirect.addFlashAttribute("notice", notice(locale, "warning", "operator.retry.rebuildRunning"));
        }
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/quarantine/retry")
    String retryAll(Locale locale, RedirectAttributes redirect) {
        try {
            ReadModels.Retried retried = readModels.retryAll();
            redirect.addFlashAttribute("notice", notice(locale, "info", "operator.retryAll.done",
                    retried.released(), retried.stillSetAside()));
        } catch (ReadModels.RebuildRunning e) {
            redirect.addFlashAttribute("notice", notice(locale, "warning", "operator.retry.rebuildRunning"));
        }
        return "redirect:" + PATH;
    }

    private Notice notice(Locale locale, String color, String key, Object... arguments) {
        return new Notice(messages.getMessage(key, arguments, locale), color);
    }

    /** The status, or empty when the database does not answer within the health bound (the page says so). */
    private Optional<ReadModels.Status> status() {
        try {
            return Optional.of(readModels.promptStatus());
        } catch (Unavailable e) {
            return Optional.empty();
        }
    }
}
