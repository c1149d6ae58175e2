package no.pathway.api.gaps;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.audit.AccessLog;
import no.pathway.api.security.Caller;
import no.pathway.api.security.PathwayAccess;
import no.pathway.api.http.QueryParameters;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapRule;
import no.pathway.projections.engine.GapStatus;
import no.pathway.projections.gaps.GapFilter;
import no.pathway.projections.gaps.GapRows;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The coordinator dashboard and the quality indicators, from the gap read model, within the caller's municipalities. */
@RestController
@RequestMapping("/api/v1")
public class GapsController {
    private static final Set<GapStatus> DEFAULT_STATUSES = EnumSet.of(GapStatus.PROSPECTIVE, GapStatus.OPEN);
    /**
     * Counts name no pathway, but a small one can single a person out, so who looked is logged; with no pathways, so
     * that a person's own access log is not filled with every dashboard view (docs/security.md).
     */
    private static final List<String> AGGREGATE = List.of();

    public record Page(List<GapView> items, String nextCursor) {
    }

    public record SummaryGroup(String group, long prospective, long open, long closedOnTime, long closedLate,
                               long notApplicable) {
    }

    public record Summary(String groupBy, Instant at, List<SummaryGroup> groups) {
    }

    private final GapRows gaps;
    private final Clock clock;
    private final PathwayAccess access;
    private final AccessLog accessLog;
    private final IndicatorReport indicators;

    GapsController(GapRows gaps, Clock clock, PathwayAccess access, AccessLog accessLog, IndicatorReport indicators) {
        this.gaps = gaps;
        this.clock = clock;
        this.access = access;
        this.accessLog = accessLog;
        this.indicators = indicators;
    }

    @GetMapping("/gaps")
    public Page gaps(@RequestParam(required = false) String status, @RequestParam(required = false) String rule,
                     @RequestParam(required = false) String municipality,
                     @RequestParam(required = false) String dueBefore,
                     @RequestParam(required = false) String assignee,
                     @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
                     Caller caller) {
        QueryParameters q = new QueryParameters();
        Set<GapStatus> statuses = q.enums("status", status, GapStatus.class, DEFAULT_STATUSES);
        Set<GapRule> rules = q.enums("rule", rule, GapRule.class, Set.of());
        Set<String> municipalities = q.municipalities("municipality", municipality);
        Instant due = q.instant("dueBefore", dueBefore, null);
        GapFilter.Assignee whose = assignee(q, assignee, caller);
        int size = q.integer("limit", limit, 50, 1, 500);
        GapFilter.Cursor after = cursor == null ? null : Cursors.decode(cursor);
        if (cursor != null && after == null) {
            q.problem("cursor", "is not a cursor this service gave out");
        }
        q.done();
        Instant now = clock.instant();
        List<GapRows.Row> rows = gaps.page(new GapFilter(statuses.isEmpty() ? DEFAULT_STATUSES : statuses, rules,
                access.scope(caller, municipalities), due, whose, size + 1, after), now);
        boolean more = rows.size() > size;
        List<GapRows.Row> page = more ? rows.subList(0, size) : rows;
        Gap last = page.isEmpty() ? null : page.get(page.size() - 1).gap();
        accessLog.record(caller, page.stream().map(r -> r.gap().pathwayId()).toList());
        return new Page(page.stream().map(r -> GapView.of(r.gap(), now, r.acknowledgement(), r.followUp())).toList(),
                more ? Cursors.encode(new GapFilter.Cursor(last.dueAt(), last.gapId())) : null);
    }

    @GetMapping("/gaps/summary")
    public Summary summary(@RequestParam(required = false) String groupBy,
                           @RequestParam(required = false) String municipality, Caller caller) {
        QueryParameters q = new QueryParameters();
        String by = q.oneOf("groupBy", groupBy, "rule", Set.of("rule", "municipality"));
        Set<String> municipalities = q.municipalities("municipality", municipality);
        q.done();
        Instant now = clock.instant();
        Map<String, Map<String, Long>> counts = gaps.countsBy(by, access.scope(caller, municipalities), now);
        accessLog.record(caller, AGGREGATE);
        return new Summary(by, now, counts.entrySet().stream().map(e -> new SummaryGroup(e.getKey(),
                count(e.getValue(), "PROSPECTIVE"), count(e.getValue(), "OPEN"),
                count(e.getValue(), "CLOSED_ON_TIME"), count(e.getValue(), "CLOSED_LATE"),
                count(e.getValue(), "NOT_APPLICABLE"))).toList());
    }

    @GetMapping("/indicators")
    public IndicatorReport.Indicators indicators(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String groupBy,
                                 @RequestParam(required = false) String period,
                                 @RequestParam(required = false) String municipality, Caller caller) {
        Instant now = clock.instant();
        QueryParameters q = new QueryParameters();
        Instant end = q.instantOrDate("to", to, now);
        Instant start = q.instantOrDate("from", from, end.minus(366, ChronoUnit.DAYS));
        String by = q.oneOf("groupBy", groupBy, "rule", IndicatorReport.GROUPINGS);
        q.oneOf("period", period, "month", Set.of("month"));
        Set<String> municipalities = q.municipalities("municipality", municipality);
        if (!start.isBefore(end)) {
            q.problem("from", "must lie before to");
        }
        q.done();
        IndicatorReport.Indicators report = indicators.of(start, end, by, access.scope(caller, municipalities));
        accessLog.record(caller, AGGREGATE);
        return report;
    }

    /** {@code assignee=me}: the caller's gaps; {@code assignee=none}: gaps nobody has; absent: all. */
    public static GapFilter.Assignee assignee(QueryParameters q, String assignee, Caller caller) {
        String whose = q.oneOf("assignee", assignee, "", Set.of("me", "none"));
        if (whose.equals("me") && (caller.subject() == null || caller.subject().isBlank())) {
            q.problem("assignee", "me needs a token that names its subject");
            return null;
        }
        return switch (whose) {
            case "me" -> new GapFilter.Assignee(caller.subject());
            case "none" -> GapFilter.Assignee.NOBODY;
            default -> null;
        };
    }

    private static long count(Map<String, Long> counts, String status) {
        return counts.getOrDefault(status, 0L);
    }
}
