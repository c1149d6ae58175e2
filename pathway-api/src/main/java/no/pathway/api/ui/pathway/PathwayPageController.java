package no.pathway.api.ui.pathway;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.pathway.api.audit.AccessLog;
import no.pathway.api.http.NotFound;
import no.pathway.api.identity.PathwayIds;
import no.pathway.api.pathway.IdentityController;
import no.pathway.api.pathway.PathwayHistory;
import no.pathway.api.security.Caller;
import no.pathway.api.security.PathwayAccess;
import no.pathway.api.security.Role;
import no.pathway.api.ui.gaps.Assignee;
import no.pathway.api.ui.gaps.Assignees;
import no.pathway.api.ui.gaps.GapLine;
import no.pathway.api.ui.gaps.GapWording;
import no.pathway.api.ui.layout.Municipalities;
import no.pathway.api.ui.login.PageRule;
import no.pathway.core.event.FollowUpOutcome;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapStatus;
import no.pathway.projections.gaps.FollowUp;
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
 * A pathway as the coordinator may see it: the summary (municipality, episodes under way, housing, contacts), the
 * timeline across the six services with its table, revealing the person with a purpose, and its gaps, unresolved
 * first, each with who has it, its call log and the forms to assign it and record an attempt. A pathway outside their
 * municipalities is the same 404 page as one that does not exist; the read is in the access log before the page is
 * written. Assignments and attempts are read from the pathway's events, not the read model, so a coordinator sees
 * their own action at once after the redirect.
 */
@Controller
class PathwayPageController {
    static final String PATH = "/pathways/{pathwayId}";

    /** One line of the summary: a label and what it says. */
    record Fact(String label, String value) {
    }

    /** A gap's follow-up as the page shows it; {@code canAct}: the reader may assign it and record attempts. */
    record GapWork(Assignee assignee, String assignedAt, List<AttemptLine> attempts, boolean canAct) {
    }

    /** One entry of a gap's call log. */
    record AttemptLine(String time, String iso, String outcome, String note, Assignee by) {
    }

    /** A choice of a form: its value and label. */
    record Choice(String value, String label) {
    }

    private final PathwayAccess access;
    private final PathwaySummaries summaries;
    private final GapRows gaps;
    private final AccessLog accessLog;
    private final GapWording wording;
    private final GapExplainer explainer;
    private final MessageSource messages;
    private final Clock clock;
    private final PathwayHistory history;
    private final TimelineBuilder timelines;
    private final Assignees people;

    PathwayPageController(PathwayAccess access, PathwaySummaries summaries, GapRows gaps, AccessLog accessLog,
                          GapWording wording, MessageSource messages, Clock clock, PathwayHistory history,
                          TimelineBuilder timelines, GapExplainer explainer, Assignees people) {
        this.people = people;
        this.explainer = explainer;
        this.history = history;
        this.timelines = timelines;
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
        List<PathwayEvent> events = history.facts(pathwayId);
        accessLog.record(caller, List.of(pathwayId));
        List<GapLine> lines = rows.stream().map(g -> wording.line(g, null, now, locale)).toList();
        Map<String, FollowUp> followUps = FollowUp.of(events, Instant.MAX, Instant.MAX);
        Function<String, Assignee> who = people.forReader(named(followUps.values()), caller, locale);
        Map<String, GapWork> work = new HashMap<>();
        Map<String, String> assignees = new HashMap<>();
        for (Gap gap : rows) {
            FollowUp f = followUps.getOrDefault(gap.gapId(), FollowUp.NONE);
            Assignee assignee = f.assignment() == null ? null : who.apply(f.assignment().to());
            assignees.put(gap.gapId(), assignee == null ? null : assignee.text());
            work.put(gap.gapId(), new GapWork(assignee, f.assignment() == null ? null
                    : wording.time(f.assignment().at(), locale), f.attempts().stream().map(a -> new AttemptLine(
                    wording.time(a.at(), locale), a.at().toString(), text("outcome." + a.outcome(), locale),
                    a.note(), who.apply(a.by()))).toList(),
                    canAct(caller, gap) && unresolved(gap.statusAt(now))));
        }
        model.addAttribute("work", work);
        model.addAttribute("why", rows.stream().collect(Collectors.toMap(Gap::gapId,
                g -> explainer.explain(g, now, locale))));
        model.addAttribute("timeline", timelines.build(events, rows, lines, followUps, assignees, now, locale));
        model.addAttribute("outcomes", Arrays.stream(FollowUpOutcome.values()).map(o -> new Choice(o.name(),
                text("outcome." + o, locale))).toList());
        model.addAttribute("purposes", Arrays.stream(IdentityController.Purpose.values()).map(p -> new Choice(
                p.name(), text("purpose." + p, locale))).toList());
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

    /** Everyone the follow-ups name: who has each gap and who made each attempt. */
    private static List<String> named(Collection<FollowUp> followUps) {
        return followUps.stream().flatMap(f -> Stream.concat(
                f.assignment() == null ? Stream.empty() : Stream.of(f.assignment().to()),
                f.attempts().stream().map(FollowUp.Attempt::by))).distinct().toList();
    }

    /**
     * A coordinator of the gap's municipality may act on it (the API's rule, {@code GapActions}); the page offers the
     * forms on unresolved gaps only, to keep it short.
     */
    private static boolean canAct(Caller caller, Gap gap) {
        return caller.is(Role.COORDINATOR) && gap.municipality() != null
                && caller.municipalities().contains(gap.municipality());
    }

    private static boolean unresolved(GapStatus status) {
        return status == GapStatus.OPEN || status == GapStatus.PROSPECTIVE;
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
