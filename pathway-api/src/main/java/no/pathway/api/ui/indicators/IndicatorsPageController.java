package no.pathway.api.ui.indicators;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.pathway.api.audit.AccessLog;
import no.pathway.api.gaps.IndicatorReport;
import no.pathway.api.http.QueryParameters;
import no.pathway.api.security.Caller;
import no.pathway.api.security.PathwayAccess;
import no.pathway.api.security.Role;
import no.pathway.api.ui.gaps.GapWording;
import no.pathway.api.ui.layout.Municipalities;
import no.pathway.api.ui.layout.Navigation;
import no.pathway.api.ui.login.PageRule;
import no.pathway.projections.engine.GapRule;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The quality indicators as a page: per rule (and municipality) and month of the trigger, applicable triggers, closed
 * on time, closed late and the compliance rate, as charts drawn on the server (inline SVG with a title and a
 * description) and as a table with the same numbers, with a CSV download. The numbers are
 * {@code GET /api/v1/indicators}' ({@link IndicatorReport}). Coordinators see their own municipalities, auditors
 * every municipality, as in the API. Counts only: each view is in the access log as the API's, with no pathway.
 */
@Controller
class IndicatorsPageController {
    static final String PATH = "/indicators";
    static final String CSV = "/indicators.csv";
    /** The longest period one report covers, and how far back the month lists reach. */
    static final int MAX_MONTHS = 36;
    private static final int DEFAULT_MONTHS = 12;

    /** The filters as chosen. */
    record Filter(YearMonth from, YearMonth to, String groupBy, String municipality) {
        String link(String path) {
            UriComponentsBuilder link = UriComponentsBuilder.fromPath(path).queryParam("from", from)
                    .queryParam("to", to).queryParam("groupBy", groupBy);
            if (municipality != null) {
                link.queryParam("municipality", municipality);
            }
            return link.encode().build().toUriString();
        }
    }

    record Option(String value, String label, boolean selected) {
    }

    /** A row of the table, formatted. */
    record Row(String rule, String municipality, String month, long applicable, long closedOnTime, long closedLate,
               String rate) {
    }

    private final IndicatorReport report;
    private final PathwayAccess access;
    private final AccessLog accessLog;
    private final MessageSource messages;
    private final Clock clock;

    IndicatorsPageController(IndicatorReport report, PathwayAccess access, AccessLog accessLog,
                             MessageSource messages, Clock clock) {
        this.report = report;
        this.access = access;
        this.accessLog = accessLog;
        this.messages = messages;
        this.clock = clock;
    }

    @Bean
    static PageRule indicatorPages() {
        return PageRule.of(Set.of(Role.COORDINATOR, Role.AUDITOR), PATH, CSV);
    }

    @Bean
    static Navigation indicatorMenu() {
        return new Navigation(40, PATH, "nav.indicators", Set.of(Role.COORDINATOR, Role.AUDITOR));
    }

    @GetMapping(PATH)
    String indicators(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) String groupBy,
                      @RequestParam(required = false) String municipality, Caller caller, Locale locale,
                      Model model) {
        Filter filter = filter(from, to, groupBy, municipality);
        IndicatorReport.Indicators indicators = read(filter, caller);
        List<YearMonth> months = months(filter.from(), filter.to());
        model.addAttribute("filter", filter);
        model.addAttribute("fromOptions", monthOptions(filter.from(), locale));
        model.addAttribute("toOptions", monthOptions(filter.to(), locale));
        model.addAttribute("groupings", IndicatorReport.GROUPINGS.stream().sorted(Comparator.reverseOrder())
                .map(g -> new Option(g, text("indicators.groupBy." + g, locale), g.equals(filter.groupBy())))
                .toList());
        model.addAttribute("municipalities", municipalityOptions(caller, filter.municipality()));
        model.addAttribute("period", text("indicators.period", locale, monthName(filter.from(), locale),
                monthName(filter.to(), locale)));
        model.addAttribute("byMunicipality", filter.groupBy().equals("municipality"));
        model.addAttribute("charts", charts(indicators, months, locale));
        model.addAttribute("rows", rows(indicators, locale));
        model.addAttribute("csv", filter.link(CSV));
        return "indicators/indicators";
    }

    @GetMapping(CSV)
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String groupBy,
                               @RequestParam(required = false) String municipality, Caller caller, Locale locale) {
        Filter filter = filter(from, to, groupBy, municipality);
        IndicatorReport.Indicators indicators = read(filter, caller);
        String name = "pathway-indicators-" + filter.from() + "-" + filter.to() + "-" + filter.groupBy() + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, IndicatorCsv.CONTENT_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(IndicatorCsv.of(indicators, rule -> text("rule." + rule, locale)));
    }

    /** The report in the caller's scope; logged like the API's, as a read of counts (no pathway). */
    private IndicatorReport.Indicators read(Filter filter, Caller caller) {
        Set<String> scope = access.scope(caller, filter.municipality() == null ? Set.of()
                : Set.of(filter.municipality()));
        IndicatorReport.Indicators indicators = report.of(start(filter.from()), start(filter.to().plusMonths(1)),
                filter.groupBy(), scope);
        accessLog.record(caller, List.of());
        return indicators;
    }

    private Filter filter(String from, String to, String groupBy, String municipality) {
        QueryParameters q = new QueryParameters();
        YearMonth now = YearMonth.from(clock.instant().atZone(GapWording.OSLO));
        YearMonth last = month(q, "to", blankless(to), now);
        YearMonth first = month(q, "from", blankless(from), last == null ? null : last.minusMonths(DEFAULT_MONTHS - 1));
        String by = q.oneOf("groupBy", blankless(groupBy), "rule", IndicatorReport.GROUPINGS);
        Set<String> municipalities = q.municipalities("municipality", blankless(municipality));
        if (municipalities.size() > 1) {
            q.problem("municipality", "must be one municipality");
        }
        if (first != null && last != null && first.isAfter(last)) {
            q.problem("from", "must not lie after to");
        } else if (first != null && last != null && first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
            q.problem("from", "must lie at most " + MAX_MONTHS + " months before to");
        }
        q.done();
        return new Filter(first, last, by, municipalities.stream().findFirst().orElse(null));
    }

    private static YearMonth month(QueryParameters q, String name, String value, YearMonth fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            q.problem(name, "must be a month (2026-03)");
            return null;
        }
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(GapWording.OSLO).toInstant();
    }

    private static List<YearMonth> months(YearMonth from, YearMonth to) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The months to choose from: the last {@value #MAX_MONTHS} up to this one, and the chosen one. */
    private List<Option> monthOptions(YearMonth chosen, Locale locale) {
        YearMonth now = YearMonth.from(clock.instant().atZone(GapWording.OSLO));
        List<YearMonth> months = new ArrayList<>(months(now.minusMonths(MAX_MONTHS - 1), now));
        if (!months.contains(chosen)) {
            months.add(chosen);
        }
        months.sort(Comparator.reverseOrder());
        return months.stream()
                .map(m -> new Option(m.toString(), monthName(m, locale), m.equals(chosen))).toList();
    }

    /** A coordinator chooses among their own municipalities (when they have several), an auditor among all. */
    private static List<Option> municipalityOptions(Caller caller, String chosen) {
        Set<String> choices = caller.seesEveryMunicipality() ? Municipalities.KNOWN.keySet() : caller.municipalities();
        if (choices.size() < 2) {
            return List.of();
        }
        return choices.stream().sorted().map(m -> new Option(m, Municipalities.label(m), m.equals(chosen))).toList();
    }

    /** A panel per rule (and municipality) with any trigger, in the rules' catalogue order. */
    private List<IndicatorChart> charts(IndicatorReport.Indicators indicators, List<YearMonth> months,
                                        Locale locale) {
        Map<String, List<IndicatorReport.Indicator>> panels = indicators.indicators().stream()
                .sorted(Comparator.comparing((IndicatorReport.Indicator i) -> ruleOrder(i.rule()))
                        .thenComparing(i -> String.valueOf(i.group())))
                .collect(Collectors.groupingBy(i -> i.rule() + "|" + (i.group() == null ? "" : i.group()),
                        LinkedHashMap::new, Collectors.toList()));
        List<IndicatorChart> charts = new ArrayList<>();
        DateTimeFormatter axis = DateTimeFormatter.ofPattern(text("indicators.axisMonth", locale), locale);
        for (List<IndicatorReport.Indicator> panel : panels.values()) {
            IndicatorReport.Indicator first = panel.get(0);
            Map<YearMonth, IndicatorChart.Counts> counts = new LinkedHashMap<>();
            List<String> described = new ArrayList<>();
            for (IndicatorReport.Indicator i : panel) {
                counts.put(YearMonth.parse(i.period()),
                        new IndicatorChart.Counts(i.applicable(), i.closedOnTime(), i.closedLate()));
                described.add(text("indicators.chart.month", locale, monthName(YearMonth.parse(i.period()), locale),
                        i.applicable(), i.closedOnTime(), i.closedLate(), rate(i.complianceRate(), locale)));
            }
            if (counts.values().stream().allMatch(c -> c.applicable() == 0)) {
                described.add(text("indicators.chart.noneApplicable", locale));
            }
            String title = first.group() == null ? text("rule." + first.rule(), locale)
                    : text("rule." + first.rule(), locale) + " – " + group(first.group(), locale);
            charts.add(IndicatorChart.of("chart-" + (charts.size() + 1), title, String.join("; ", described) + ".",
                    months, counts, m -> axis.format(m), (onTime, applicable) -> rate(
                            applicable == 0 ? null : (double) onTime / applicable, locale)));
        }
        return charts;
    }

    private List<Row> rows(IndicatorReport.Indicators indicators, Locale locale) {
        return indicators.indicators().stream()
                .sorted(Comparator.comparing((IndicatorReport.Indicator i) -> ruleOrder(i.rule()))
                        .thenComparing(i -> String.valueOf(i.group())).thenComparing(IndicatorReport.Indicator::period))
                .map(i -> new Row(text("rule." + i.rule(), locale), i.group() == null ? null : group(i.group(), locale),
                        monthName(YearMonth.parse(i.period()), locale), i.applicable(), i.closedOnTime(),
                        i.closedLate(), rate(i.complianceRate(), locale)))
                .toList();
    }

    private String group(String municipality, Locale locale) {
        return municipality.isEmpty() ? text("indicators.noMunicipality", locale) : Municipalities.label(municipality);
    }

    /** "67 %" (nb), "67%" (en); "–" said in words when nothing applied. */
    private String rate(Double rate, Locale locale) {
        if (rate == null) {
            return text("indicators.noRate", locale);
        }
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(0);
        return percent.format(rate).replaceAll("[\\u00a0\\u202f]", " ");
    }

    private String monthName(YearMonth month, Locale locale) {
        return DateTimeFormatter.ofPattern(text("indicators.monthPattern", locale), locale).format(month);
    }

    private static int ruleOrder(String rule) {
        return Arrays.stream(GapRule.values()).filter(r -> r.name().equals(rule)).findFirst()
                .map(Enum::ordinal).orElse(Integer.MAX_VALUE);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
