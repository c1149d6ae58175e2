package no.pathway.api.gaps;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.audit.AccessLog;
import no.pathway.api.http.QueryParameters;
import no.pathway.api.security.Caller;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapStatus;
import no.pathway.projections.gaps.GapFilter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a municipality's dashboard showed at T, for auditors (docs/audit.md, "The dashboard at T"). */
@RestController
public class DashboardAtController {
    public static final String PATH = "/api/v1/audit/dashboard";
    /**
     * Gaps an answer lists unless {@code limit} says otherwise, and at most. A municipality of 16,840 pathways had
     * 48,070 unresolved gaps at T: one answer of them was 20 MB, took 3.2 s in the service and put every pathway in
     * one access-log entry (docs/performance.md). The counts are of all of them; the list comes a page at a time.
     */
    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 5000;
    /** What the dashboard lists unless asked otherwise: the unresolved gaps. */
    static final Set<GapStatus> DEFAULT_STATUSES = EnumSet.of(GapStatus.PROSPECTIVE, GapStatus.OPEN);

    /**
     * @param counts         every gap of the municipality at T by status, whatever {@code status} asked for
     * @param pathwaysJudged how many pathways whose events had named the municipality by T were judged
     * @param pathwaysSettled of those, how many had nothing recorded or occurring after T and were taken from the read
     *                       models, which had judged every event of them (docs/audit.md)
     * @param notJudged      pathways whose stored events could not be read (empty when all could)
     * @param nextCursor     where the next page of {@code gaps} starts, asked with the same municipality, T and status;
     *                       null on the last page
     */
    public record Answer(String municipality, Instant at, Instant knownAt, Map<String, Long> counts,
                         int pathwaysJudged, int pathwaysSettled, List<String> notJudged, List<GapView> gaps,
                         String nextCursor) {
    }

    private final DashboardAt dashboard;
    private final AccessLog accessLog;

    DashboardAtController(DashboardAt dashboard, AccessLog accessLog) {
        this.dashboard = dashboard;
        this.accessLog = accessLog;
    }

    @GetMapping(PATH)
    public Answer dashboard(@RequestParam(required = false) String municipality,
                            @RequestParam(required = false) String at,
                            @RequestParam(required = false) String status,
                            @RequestParam(required = false) String limit,
                            @RequestParam(required = false) String cursor, Caller caller) {
        QueryParameters q = new QueryParameters();
        Set<String> municipalities = q.municipalities("municipality", municipality);
        if (municipality == null || municipalities.size() != 1) {
            q.problem("municipality", "is required: one 4-digit municipality number");
        }
        if (at == null) {
            q.problem("at", "is required: the ISO-8601 instant the dashboard is asked for");
        }
        Instant t = q.instant("at", at, null);
        Set<GapStatus> statuses = q.enums("status", status, GapStatus.class, DEFAULT_STATUSES);
        int size = q.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        GapFilter.Cursor after = cursor == null ? null : Cursors.decode(cursor);
        if (cursor != null && after == null) {
            q.problem("cursor", "is not a cursor this service gave out");
        }
        q.done();
        String which = municipalities.iterator().next();
        DashboardAt.Result result = dashboard.at(which, t, statuses.isEmpty() ? DEFAULT_STATUSES : statuses);
        List<DashboardAt.Shown> all = result.gaps();
        int from = after == null ? 0 : firstAfter(all, after);
        List<DashboardAt.Shown> page = all.subList(from, Math.min(all.size(), from + size));
        String next = null;
        if (from + size < all.size()) {
            DashboardAt.Shown last = page.get(page.size() - 1);
            next = Cursors.encode(new GapFilter.Cursor(last.gap().dueAt(), last.gap().gapId()));
        }
        accessLog.record(caller, page.stream().map(s -> s.gap().pathwayId()).toList());
        return new Answer(which, t, t, result.counts(), result.pathwaysJudged(),
                result.pathwaysSettled(), result.notJudged(),
                page.stream().map(s -> GapView.of(s.gap(), t, s.acknowledgement(), s.followUp())).toList(), next);
    }

    /** The place of the first gap after the cursor in the list, which is in due order (then by gap id). */
    private static int firstAfter(List<DashboardAt.Shown> gaps, GapFilter.Cursor after) {
        int low = 0;
        int high = gaps.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            Gap gap = gaps.get(middle).gap();
            int c = gap.dueAt().compareTo(after.dueAt());
            if (c < 0 || c == 0 && gap.gapId().compareTo(after.gapId()) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
