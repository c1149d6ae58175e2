package no.pathway.api.gaps;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.audit.AccessLog;
import no.pathway.api.http.QueryParameters;
import no.pathway.api.security.Caller;
import no.pathway.projections.engine.GapStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a municipality's dashboard showed at T, for auditors (docs/audit.md, "The dashboard at T"). */
@RestController
public class DashboardAtController {
    public static final String PATH = "/api/v1/audit/dashboard";
    /** What the dashboard lists unless asked otherwise: the unresolved gaps. */
    static final Set<GapStatus> DEFAULT_STATUSES = EnumSet.of(GapStatus.PROSPECTIVE, GapStatus.OPEN);

    /**
     * @param counts         every gap of the municipality at T by status, whatever {@code status} asked for
     * @param pathwaysJudged how many pathways whose events had named the municipality by T were judged
     * @param pathwaysSettled of those, how many had nothing recorded or occurring after T and were taken from the read
     *                       models, which had judged every event of them (docs/audit.md)
     * @param notJudged      pathways whose stored events could not be read (empty when all could)
     */
    public record Answer(String municipality, Instant at, Instant knownAt, Map<String, Long> counts,
                         int pathwaysJudged, int pathwaysSettled, List<String> notJudged, List<GapView> gaps) {
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
                            @RequestParam(required = false) String status, Caller caller) {
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
        q.done();
        String which = municipalities.iterator().next();
        DashboardAt.Result result = dashboard.at(which, t, statuses.isEmpty() ? DEFAULT_STATUSES : statuses);
        accessLog.record(caller, result.gaps().stream().map(s -> s.gap().pathwayId()).toList());
        return new Answer(which, t, t, result.counts(), result.pathwaysJudged(),
                result.pathwaysSettled(), result.notJudged(),
                result.gaps().stream().map(s -> GapView.of(s.gap(), t, s.acknowledgement(), s.followUp())).toList());
    }
}
