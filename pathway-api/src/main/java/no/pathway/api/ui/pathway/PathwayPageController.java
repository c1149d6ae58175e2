package no.pathway.api.ui.pathway;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import no.pathway.api.audit.AccessLog;
import no.pathway.api.http.NotFound;
import no.pathway.api.identity.PathwayIds;
import no.pathway.api.security.Caller;
import no.pathway.api.security.PathwayAccess;
import no.pathway.api.security.Role;
import no.pathway.api.ui.gaps.GapLine;
import no.pathway.api.ui.gaps.GapWording;
import no.pathway.api.ui.layout.Municipalities;
import no.pathway.api.ui.login.PageRule;
import no.pathway.projections.engine.GapStatus;
import no.pathway.projections.gaps.GapRows;
import no.pathway.projections.summary.PathwaySummaries;
import no.pathway.projections.summary.PathwaySummary;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A pathway as the coordinator may see it: the summary (municipality, episodes under way, housing, contacts) and
 * its gaps, unresolved first. A pathway outside their municipalities is the same 404 page as one that does not
 * exist; the read is in the access log before the page is written. The page is sections of one template
 * (pathway/pathway.html), so the timeline, the explanations and the actions on a gap come as sections of their own.
 */
@Controller
class PathwayPageController {
    static final String PATH = "/pathways/{pathwayId}";

    /** One line of the summary: a label and what it says. */
    record Fact(String label, String value) {
    }

    private final PathwayAccess access;
    private final PathwaySummaries summaries;
    private final GapRows gaps;
    private final AccessLog accessLog;
    private final GapWording wording;
    private final MessageSource messages;
    private final Clock clock;

    PathwayPageController(PathwayAccess access, PathwaySummaries summaries, GapRows gaps, AccessLog accessLog,
                          GapWording wording, MessageSource messages, Clock clock) {
        this.access = access;
        this.summaries = summaries;
        this.gaps = gaps;
        this.accessLog = accessLog;
        this.wording = wording;
        this.messages = messages;
        this.clock = clock;
    }

    @Bean
    static PageRule pathwayPages() {
        return PageRule.of(Set.of(Role.COORDINATOR, Role.AUDITOR), "/pathways/*");
    }

    @GetMapping(PATH)
    String pathway(@PathVariable String pathwayId, Caller caller, Locale locale, Model model) {
        if (!PathwayIds.isWellFormed(pathwayId)) {
            throw new NotFound(PathwayAccess.NO_SUCH_PATHWAY);
        }
        access.requireVisible(caller, pathwayId);
        PathwaySummary summary = summaries.find(pathwayId).orElseThrow(() -> new NotFound(PathwayAccess.NO_SUCH_PATHWAY));
        Instant now = clock.instant();
        var rows = gaps.ofPathway(pathwayId);
        accessLog.record(caller, List.of(pathwayId));
        List<GapLine> lines = rows.stream().map(g -> wording.line(g, null, now, locale)).toList();
        model.addAttribute("pathwayId", pathwayId);
        model.addAttribute("municipality", Municipalities.label(summary.municipality()));
        model.addAttribute("episodes", summary.activeEpisodes().stream()
                .sorted(Comparator.comparing(PathwaySummary.Episode::startedAt))
                .map(e -> new Fact(text("setting." + e.setting(), locale), text("pathway.since", locale,
                        wording.time(e.startedAt(), locale)))).toList());
        model.addAttribute("housing", summary.housing() == null ? null : new Fact(
                text("housing." + summary.housing().housing(), locale),
                text("pathway.since", locale, wording.time(summary.housing().recordedFor(), locale))));
        model.addAttribute("contacts", summary.contacts().stream().map(c -> new Fact(
                text("setting." + c.setting(), locale) + ": " + text("contact." + c.role(), locale),
                text("pathway.since", locale, wording.time(c.assignedAt(), locale)))).toList());
        model.addAttribute("lastEvent", summary.lastEventAt() == null ? null : wording.time(summary.lastEventAt(), locale));
        model.addAttribute("unresolved", lines.stream().filter(l -> unresolved(l.status())).toList());
        model.addAttribute("resolved", lines.stream().filter(l -> !unresolved(l.status())).toList());
        return "pathway/pathway";
    }

    private static boolean unresolved(GapStatus status) {
        return status == GapStatus.OPEN || status == GapStatus.PROSPECTIVE;
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
