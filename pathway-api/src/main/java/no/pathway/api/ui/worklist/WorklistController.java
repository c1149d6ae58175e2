package no.pathway.api.ui.worklist;

import java.util.Arrays;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import no.pathway.api.audit.AccessLog;
import no.pathway.api.gaps.Cursors;
import no.pathway.api.gaps.GapsController;
import no.pathway.api.http.QueryParameters;
import no.pathway.api.security.Caller;
import no.pathway.api.security.PathwayAccess;
import no.pathway.api.security.Role;
import no.pathway.api.ui.gaps.Assignee;
import no.pathway.api.ui.gaps.Assignees;
import no.pathway.api.ui.gaps.GapLine;
import no.pathway.api.ui.gaps.GapWording;
import no.pathway.api.ui.layout.Municipalities;
import no.pathway.api.ui.layout.Navigation;
import no.pathway.api.ui.login.PageRule;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapRule;
import no.pathway.projections.engine.GapStatus;
import no.pathway.projections.gaps.FollowUp;
import no.pathway.projections.gaps.GapFilter;
import no.pathway.projections.gaps.GapRows;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The coordinator's worklist: the gaps of their municipalities, most urgent first (overdue first, then due soonest),
 * each said in words with who has it, filtered (also "assigned to me" and "unassigned") and paged like
 * {@code GET /api/v1/gaps}, with a count per status. Every pathway
 * on the page is in the access log before the page is written.
 */
@Controller
class WorklistController {
    static final String PATH = "/worklist";
    static final int PAGE_SIZE = 25;
    private static final Set<GapStatus> DEFAULT_STATUSES = EnumSet.of(GapStatus.OPEN, GapStatus.PROSPECTIVE);

    /** The filters as chosen, to show them again and to carry them to the next page. */
    record Filter(Set<GapStatus> statuses, String rule, String municipality, String dueBy, String assignee) {

        String link(String cursor) {
            UriComponentsBuilder link = UriComponentsBuilder.fromPath(PATH);
            statuses.stream().sorted().forEach(s -> link.queryParam("status", s.name()));
            if (rule != null) {
                link.queryParam("rule", rule);
            }
            if (municipality != null) {
                link.queryParam("municipality", municipality);
            }
            if (dueBy != null) {
                link.queryParam("dueBy", dueBy);
            }
            if (assignee != null) {
                link.queryParam("assignee", assignee);
            }
            if (cursor != null) {
                link.queryParam("cursor", cursor);
            }
            return link.encode().build().toUriString();
        }
    }

    /** A status to filter by, with how many gaps of the chosen municipalities have it now. */
    record StatusOption(GapStatus status, String label, long count, boolean checked) {
    }

    record Option(String value, String label, boolean selected) {
    }

    private final GapRows gaps;
    private final PathwayAccess access;
    private final AccessLog accessLog;
    private final GapWording wording;
    private final MessageSource messages;
    private final Assignees assignees;
    private final Clock clock;

    WorklistController(GapRows gaps, PathwayAccess access, AccessLog accessLog, GapWording wording,
                       MessageSource messages, Assignees assignees, Clock clock) {
        this.gaps = gaps;
        this.assignees = assignees;
        this.access = access;
        this.accessLog = accessLog;
        this.wording = wording;
        this.messages = messages;
        this.clock = clock;
    }

    @Bean
    static PageRule worklistPages() {
        return PageRule.of(Set.of(Role.COORDINATOR), PATH);
    }

    @Bean
    static Navigation worklistMenu() {
        return new Navigation(10, PATH, "nav.worklist", Set.of(Role.COORDINATOR));
    }

    @GetMapping(PATH)
    String worklist(@RequestParam(required = false) String status, @RequestParam(required = false) String rule,
                    @RequestParam(required = false) String municipality,
                    @RequestParam(required = false) String dueBy, @RequestParam(required = false) String assignee,
                    @RequestParam(required = false) String cursor, Caller caller, Locale locale, Model model) {
        QueryParameters q = new QueryParameters();
        Set<GapStatus> statuses = q.enums("status", blankless(status), GapStatus.class, DEFAULT_STATUSES);
        Set<GapRule> rules = q.enums("rule", blankless(rule), GapRule.class, Set.of());
        Set<String> municipalities = q.municipalities("municipality", blankless(municipality));
        DueDate due = DueDate.parse(blankless(dueBy));
        GapFilter.Assignee whose = GapsController.assignee(q, blankless(assignee), caller);
        GapFilter.Cursor after = cursor == null ? null : Cursors.decode(cursor);
        if (cursor != null && after == null) {
            q.problem("cursor", "is not a cursor this service gave out");
        }
        q.done();
        Set<String> scope = access.scope(caller, municipalities);
        Instant now = clock.instant();
        List<GapRows.Row> rows = gaps.page(new GapFilter(statuses, rules, scope, due.endOfDay(), whose,
                PAGE_SIZE + 1, after), now);
        List<GapRows.Row> page = rows.subList(0, Math.min(rows.size(), PAGE_SIZE));
        accessLog.record(caller, page.stream().map(r -> r.gap().pathwayId()).toList());

        Filter filter = new Filter(statuses, blankless(rule), blankless(municipality),
                due.invalid() ? null : blankless(dueBy),
                blankless(assignee));
        List<GapLine> lines = page.stream().map(r -> wording.line(r.gap(), r.acknowledgement(), now, locale)).toList();
        Function<String, Assignee> who = assignees.forReader(page.stream().map(r -> r.followUp().assignment())
                .filter(Objects::nonNull).map(FollowUp.Assignment::to).toList(), caller, locale);
        Map<String, Assignee> assigned = new LinkedHashMap<>();
        page.forEach(r -> assigned.put(r.gap().gapId(), r.followUp().assignment() == null ? null
                : who.apply(r.followUp().assignment().to())));
        model.addAttribute("assigned", assigned);
        model.addAttribute("assignees", List.of(
                new Option("", messages.getMessage("worklist.assignee.all", null, locale), filter.assignee() == null),
                new Option("me", messages.getMessage("worklist.assignee.me", null, locale),
                        "me".equals(filter.assignee())),
                new Option("none", messages.getMessage("worklist.assignee.none", null, locale),
                        "none".equals(filter.assignee()))));
        Gap last = page.isEmpty() ? null : page.get(page.size() - 1).gap();
        model.addAttribute("lines", lines);
        model.addAttribute("statuses", statusOptions(statuses, counts(scope, now), locale));
        model.addAttribute("rules", ruleOptions(filter.rule(), locale));
        model.addAttribute("municipalities", caller.municipalities().size() > 1
                ? caller.municipalities().stream().sorted()
                .map(m -> new Option(m, Municipalities.label(m), m.equals(filter.municipality()))).toList()
                : List.of());
        model.addAttribute("filter", filter);
        model.addAttribute("dueBy", due.shown(locale));
        model.addAttribute("dueByInvalid", due.invalid());
        model.addAttribute("now", wording.time(now, locale));
        model.addAttribute("nextPage", rows.size() > PAGE_SIZE
                ? filter.link(Cursors.encode(new GapFilter.Cursor(last.dueAt(), last.gapId()))) : null);
        model.addAttribute("firstPage", cursor != null ? filter.link(null) : null);
        return "worklist/worklist";
    }

    /** Counts per status now, in the municipalities shown (all rules); closed on time and late together. */
    private Map<GapStatus, Long> counts(Set<String> scope, Instant now) {
        Map<GapStatus, Long> counts = new LinkedHashMap<>();
        gaps.countsBy("rule", scope, now).values().forEach(byStatus -> byStatus.forEach((s, n) ->
                counts.merge(s.startsWith("CLOSED") ? GapStatus.CLOSED : GapStatus.valueOf(s), n, Long::sum)));
        return counts;
    }

    private List<StatusOption> statusOptions(Set<GapStatus> chosen, Map<GapStatus, Long> counts, Locale locale) {
        List<StatusOption> options = new ArrayList<>();
        for (GapStatus s : List.of(GapStatus.OPEN, GapStatus.PROSPECTIVE, GapStatus.CLOSED, GapStatus.NOT_APPLICABLE)) {
            options.add(new StatusOption(s, messages.getMessage("status." + s, null, locale),
                    counts.getOrDefault(s, 0L), chosen.contains(s)));
        }
        return options;
    }

    private List<Option> ruleOptions(String chosen, Locale locale) {
        return Arrays.stream(GapRule.values()).map(r -> new Option(r.name(),
                messages.getMessage("rule." + r, null, locale), r.name().equals(chosen))).toList();
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
