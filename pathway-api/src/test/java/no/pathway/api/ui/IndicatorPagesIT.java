package no.pathway.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.pathway.api.gaps.IndicatorReport;
import no.pathway.api.security.Role;
import no.pathway.api.support.WebIT;
import no.pathway.projections.engine.GapRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The indicators page in a real headless Chromium: a coordinator reads the compliance of the shared scenarios in
 * their municipalities per rule and month, as charts and as a table with the same numbers as the API's report,
 * grouped by municipality too, downloads the table as CSV (no pathway in it), and reads it in English; an auditor
 * sees every municipality. The clock stands at {@link WebAppIT#NOW}, the morning after the scenarios' discharges.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndicatorPagesIT extends WebIT {
    static final Set<String> MINE = Set.of("0301", "4204", "5001");
    /** The default period at NOW: April 2025 to March 2026, in Oslo time. */
    static final Instant FROM = Instant.parse("2025-03-31T22:00:00Z");
    static final Instant TO = Instant.parse("2026-03-31T22:00:00Z");

    @Autowired
    private IndicatorReport report;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws IOException {
        loadScenarios();
        openBrowserAt(WebAppIT.NOW);
    }

    @Test
    @Order(1)
    void a_coordinator_reads_the_report_of_their_municipalities_as_charts_and_a_table_with_the_apis_numbers() {
        browser.open("/indicators");
        logIn(browser, Role.COORDINATOR, "0301", "4204", "5001");
        assertThat(browser.path()).isEqualTo("/indicators");
        assertThat(browser.find("h1").getText()).isEqualTo("Kvalitetsindikatorer");
        assertThat(browser.texts(".site-menu a")).containsExactly("Arbeidsliste", "Finn forløp", "Indikatorer");
        assertThat(browser.find("#from option:checked").getText()).isEqualTo("april 2025");
        assertThat(browser.find("#to option:checked").getText()).isEqualTo("mars 2026");

        IndicatorReport.Indicators expected = report.of(FROM, TO, "rule", MINE);
        assertThat(expected.indicators()).as("the scenarios give gaps in the period").isNotEmpty();
        assertThat(tableRows()).containsExactlyElementsOf(expected.indicators().stream()
                .sorted(Comparator.comparing((IndicatorReport.Indicator i) -> GapRule.valueOf(i.rule()).ordinal())
                        .thenComparing(IndicatorReport.Indicator::period))
                .map(i -> List.of(i.period(), String.valueOf(i.applicable()), String.valueOf(i.closedOnTime()),
                        String.valueOf(i.closedLate()), rate(i.complianceRate()))).toList());
        // the detox scenarios: two in Oslo closed on time, Kristiansand's not yet closed (due later today)
        assertThat(browser.texts(".indicators tbody tr")).contains("Behandling etter avrusning mars 2026 3 2 0 67 %");

        List<WebElement> charts = browser.all("figure.chart");
        assertThat(charts).hasSize((int) expected.indicators().stream().map(IndicatorReport.Indicator::rule)
                .distinct().count());
        for (WebElement chart : charts) {
            WebElement svg = chart.findElement(By.cssSelector("svg"));
            assertThat(svg.getAttribute("role")).isEqualTo("img");
            String id = chart.getAttribute("data-chart");
            assertThat(svg.getAttribute("aria-labelledby")).isEqualTo(id + "-title " + id + "-desc");
            assertThat(browser.find("#" + id + "-desc").getAttribute("textContent")).contains("mars 2026:");
            assertThat(chart.findElements(By.cssSelector(".chart__month"))).hasSize(12);
        }
        assertThat(browser.driver().getPageSource()).doesNotContain(pathwayIds().toArray(String[]::new));
        browser.page("indicators");
        assertThat(accessLog()).containsEntry("call", "GET /indicators").containsEntry("pathways", 0)
                .containsEntry("roles", "COORDINATOR");
    }

    @Test
    @Order(2)
    void grouped_by_municipality_each_municipality_has_its_rows_and_its_charts() {
        browser.find("#groupBy-municipality").click();
        browser.follow(".filters button[type=submit]");
        assertThat(browser.path()).contains("groupBy=municipality");

        IndicatorReport.Indicators expected = report.of(FROM, TO, "municipality", MINE);
        assertThat(browser.all(".indicators tbody tr")).hasSize(expected.indicators().size());
        assertThat(browser.texts(".indicators thead th")).contains("Kommune");
        assertThat(browser.texts(".indicators tbody td:nth-child(2)")).contains("0301 Oslo", "4204 Kristiansand",
                "5001 Trondheim").doesNotContain("4601 Bergen");
        assertThat(browser.texts("figure.chart figcaption"))
                .contains("Behandling etter avrusning – 0301 Oslo", "Behandling etter avrusning – 4204 Kristiansand");
        browser.page("indicators-by-municipality");
    }

    @Test
    @Order(3)
    void the_table_downloads_as_csv_with_counts_only_and_formula_safe_cells() throws Exception {
        String href = browser.find("a.download").getAttribute("href");
        assertThat(href).isEqualTo(base() + "/indicators.csv?from=2025-04&to=2026-03&groupBy=municipality");
        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + browser.cookies().get("JSESSIONID").getValue()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"pathway-indicators-2025-04-2026-03-municipality.csv\"");
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("rule,rule_name,municipality,month,applicable,closed_on_time,closed_late,"
                + "open,prospective,not_applicable,compliance_rate");
        IndicatorReport.Indicators expected = report.of(FROM, TO, "municipality", MINE);
        assertThat(lines).hasSize(expected.indicators().size() + 1);
        assertThat(lines).contains("DETOX_NO_TREATMENT_24H,Behandling etter avrusning,0301,2026-03,2,2,0,0,0,0,"
                + "1.0000", "DETOX_NO_TREATMENT_24H,Behandling etter avrusning,4204,2026-03,1,0,0,0,1,0,0.0000");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line ->
                assertThat(line).matches("[A-Z_0-9]+,[^=+\\-@].*"));
        assertThat(csv.body()).doesNotContain(pathwayIds().toArray(String[]::new));
        assertThat(accessLog()).containsEntry("call", "GET /indicators.csv").containsEntry("pathways", 0);
    }

    @Test
    @Order(4)
    void in_english_the_months_and_rates_are_english_and_a_period_backwards_is_refused() {
        browser.follow("a[hreflang=en]");
        assertThat(browser.find("h1").getText()).isEqualTo("Quality indicators");
        assertThat(browser.find("#to option:checked").getText()).isEqualTo("March 2026");
        assertThat(browser.texts(".indicators tbody td:nth-child(3)")).contains("March 2026");
        assertThat(browser.texts(".indicators tbody td:last-child")).allMatch(t -> t.endsWith("%")
                && !t.contains(" %") || t.equals("none applicable"));
        browser.page("indicators-english");
        browser.follow("a[hreflang=nb]");

        browser.open("/indicators?from=2026-03&to=2025-04");
        assertThat(browser.find("h1").getText()).isEqualTo("Noe var galt med forespørselen");
        browser.look("indicators-backwards");
    }

    @Test
    @Order(5)
    void an_auditor_sees_every_municipality_and_an_operator_is_refused() {
        browser.open("/indicators");
        browser.follow("form[action='/logout'] button");
        browser.open("/indicators");
        logIn(browser, Role.AUDITOR);
        assertThat(browser.texts(".site-menu a")).contains("Indikatorer", "Revisjon");
        assertThat(browser.texts("#municipality option")).contains("Alle kommuner", "4601 Bergen", "3301 Drammen");
        IndicatorReport.Indicators everywhere = report.of(FROM, TO, "rule", Set.of());
        assertThat(browser.all(".indicators tbody tr")).hasSize(everywhere.indicators().size());
        browser.page("indicators-auditor");

        browser.find("#municipality option[value='4601']").click();
        browser.follow(".filters button[type=submit]");
        assertThat(browser.all(".indicators tbody tr"))
                .hasSize(report.of(FROM, TO, "rule", Set.of("4601")).indicators().size());
        assertThat(browser.texts(".indicators tbody td:first-child")).containsExactly("Bolig ved utskrivning",
                "Overføring ved utskrivning", "Kontakt etter løslatelse", "Kontaktperson i kommunen ved utskrivning",
                "Overføring akseptert");
        browser.look("indicators-auditor-bergen");

        browser.follow("form[action='/logout'] button");
        browser.open("/indicators");
        logIn(browser, Role.OPERATOR);
        assertThat(browser.find("h1").getText()).isEqualTo("Ingen tilgang");
        assertThat(browser.texts(".site-menu a")).doesNotContain("Indikatorer");
        browser.look("indicators-refused");
        browser.open("/indicators.csv");
        assertThat(browser.find("h1").getText()).isEqualTo("Ingen tilgang");
    }

    /** The table's rows, without the rule column: month, applicable, on time, late, rate. */
    private List<List<String>> tableRows() {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement row : browser.all(".indicators tbody tr")) {
            List<String> cells = row.findElements(By.cssSelector("td")).stream()
                    .map(c -> c.getText().replace('\u00a0', ' ')).toList();
            rows.add(List.of(YearMonth.parse(cells.get(1), DateTimeFormatter.ofPattern("MMMM yyyy",
                    Locale.forLanguageTag("nb"))).toString(), cells.get(2), cells.get(3), cells.get(4), cells.get(5)));
        }
        return rows;
    }

    private static String rate(Double rate) {
        return rate == null ? "ingen gjeldende" : Math.round(rate * 100) + " %";
    }

    private List<String> pathwayIds() {
        return jdbc.sql("SELECT pathway_id FROM pathway_summary").query(String.class).list();
    }

    private Map<String, Object> accessLog() {
        return jdbc.sql("SELECT call, roles, cardinality(pathway_ids) AS pathways FROM access_log "
                + "ORDER BY id DESC LIMIT 1").query().singleRow();
    }
}
