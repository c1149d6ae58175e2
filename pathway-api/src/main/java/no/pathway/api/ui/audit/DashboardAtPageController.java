package no.pathway.api.ui.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import no.pathway.api.audit.AccessLog;
import no.pathway.api.gaps.DashboardAt;
import no.pathway.api.http.InvalidRequest;
import no.pathway.api.http.QueryParameters;
import no.pathway.api.security.Caller;
import no.pathway.api.ui.gaps.GapLine;
import no.pathway.api.ui.gaps.GapWording;
import no.pathway.api.ui.layout.Municipalities;
import no.pathway.core.value.MunicipalityNumber;
import no.pathway.projections.engine.GapStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What a municipality's dashboard showed at T, as a page: the same computation as
 * {@code GET /api/v1/audit/dashboard} ({@link DashboardAt}), the gaps worded as a coordinator read them at T (time
 * left or overdue then), each leading to the pathway's as-of view at T. The read is in the access log with the
 * pathways shown, as the API's is.
 */
@Controller
class DashboardAtPageController {
    static final String PATH = "/audit/dashboard";
    private static final Set<GapStatus> UNRESOLVED = Set.of(GapStatus.PROSPECTIVE, GapStatus.OPEN);
    /**
     * Rows a page shows. A municipality can have tens of thousands of unresolved gaps at T (48,070 in the benchmark's
     * largest): on one page that took seconds to write and more to read, and every pathway on it went into the access
     * log. The counts are of all of them; the rows come a page at a time, in the same order.
     */
    static final int PAGE = 100;

    /** A municipality to choose. */
    record Choice(String value, String label, boolean selected) {
    }

    /** A count of the municipality's gaps at T in one status. */
    record Count(String label, long count) {
    }

    private final DashboardAt dashboard;
    private final AccessLog accessLog;
    private final GapWording wording;
    private final MessageSource messages;
    private final Clock clock;

    DashboardAtPageController(DashboardAt dashboard, AccessLog accessLog, GapWording wording, MessageSource messages,
                              Clock clock) {
        this.dashboard = dashboard;
        this.accessLog = accessLog;
        this.wording = wording;
        this.messages = messages;
        this.clock = clock;
    }

    static List<Choice> choices(String selected) {
        return Municipalities.KNOWN.keySet().stream()
                .map(m -> new Choice(m, Municipalities.label(m), m.equals(selected))).toList();
    }

    @GetMapping(PATH)
    String dashboard(@RequestParam(required = false) String municipality, @RequestParam(required = false) String at,
                     @RequestParam(required = false) String page, Caller caller, Locale locale, Model model) {
        OsloTime field = OsloTime.parse(at, clock.instant());
        model.addAttribute("at", field.shown(locale));
        model.addAttribute("atIso", field.iso());
        model.addAttribute("atError", field.error());
        model.addAttribute("municipality", municipality);
        model.addAttribute("municipalities", choices(municipality));
        if (municipality == null || municipality.isBlank() || field.invalid()) {
            return "audit/dashboard";
        }
        Instant t = field.instant();
        if (MunicipalityNumber.problem(municipality).isPresent()) {
            throw new InvalidRequest("municipality", "must be a 4-digit municipality number");
        }
        QueryParameters q = new QueryParameters();
        // a page after the last shows the last
        int pageNumber = q.integer("page", page, 1, 1, 999_999);
        q.done();
        DashboardAt.Result result = dashboard.at(municipality, t, UNRESOLVED);
        int total = result.gaps().size();
        int pages = Math.max(1, (total + PAGE - 1) / PAGE);
        int shownPage = Math.min(pageNumber, pages);
        List<DashboardAt.Shown> onPage = result.gaps().subList((shownPage - 1) * PAGE, Math.min(total, shownPage * PAGE));
        accessLog.record(caller, onPage.stream().map(s -> s.gap().pathwayId()).toList());
        List<GapLine> lines = onPage.stream().map(s -> wording.line(s.gap(), s.acknowledgement(), t, locale)).toList();
        model.addAttribute("firstRow", (shownPage - 1) * PAGE + 1);
        model.addAttribute("lastRow", (shownPage - 1) * PAGE + lines.size());
        model.addAttribute("rows", total);
        model.addAttribute("previousPage", shownPage > 1 ? shownPage - 1 : null);
        model.addAttribute("nextPage", shownPage < pages ? shownPage + 1 : null);
        model.addAttribute("shown", true);
        model.addAttribute("municipalityLabel", Municipalities.label(municipality));
        model.addAttribute("atText", wording.time(t, locale));
        model.addAttribute("lines", lines);
        model.addAttribute("counts", result.counts().entrySet().stream()
                .map(e -> new Count(messages.getMessage("audit.count." + e.getKey(), null, locale), e.getValue()))
                .toList());
        model.addAttribute("pathwaysJudged", result.pathwaysJudged());
        model.addAttribute("notJudged", result.notJudged());
        return "audit/dashboard";
    }
}
