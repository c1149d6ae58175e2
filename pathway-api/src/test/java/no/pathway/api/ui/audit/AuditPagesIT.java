package no.pathway.api.ui.audit;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.security.Role;
import no.pathway.api.support.Api;
import no.pathway.api.support.Browser;
import no.pathway.api.support.TestPersons;
import no.pathway.api.support.WebIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The auditor's pages in a real headless Chromium: the as-of view of a loaded scenario pathway and of one whose
 * closure was recorded late, the dashboard of a municipality at a time, and a coordinator refused. The scenarios are
 * recorded on the real clock (so the service knew nothing of them in March 2026); the late-closure pathway is posted
 * on a frozen clock, so its recording times are chosen: a detox discharge in Drammen recorded on 2 March, the
 * treatment start that closes its gap on time recorded only on 3 March at 11:00 Oslo time, after the deadline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditPagesIT extends WebIT {
    /** residential-discharge-homeless, Trondheim. */
    static final String TRONDHEIM_PERSON = "01849639435";
    static final String DRAMMEN = "3301";
    /** 08:00 in Oslo on 3 March 2026: the detox gap is an hour overdue, its closure not yet recorded. */
    static final String T = "2026-03-03T08:00";
    /** 12:00 in Oslo on 3 March 2026: after the late closure was recorded. */
    static final String LATER = "2026-03-03T12:00";

    private final HttpClient http = HttpClient.newHttpClient();
    private String trondheim;
    private String drammen;

    @BeforeAll
    void start() throws IOException {
        loadScenarios();
        trondheim = pathwayOf(TRONDHEIM_PERSON);
        Api source = api(Set.of(Role.SOURCE), Set.of());
        String person = TestPersons.next();
        clock.freezeAt(Instant.parse("2026-03-02T08:00:00Z"));
        drammen = post(source, event("EPISODE_ENDED", person, "2026-03-02T06:00:00Z", "municipality", DRAMMEN,
                "episodeId", "avr-1", "setting", "DETOX", "endReason", "TRANSFERRED"));
        clock.freezeAt(Instant.parse("2026-03-03T10:00:00Z"));
        post(source, event("EPISODE_STARTED", person, "2026-03-02T20:00:00Z", "episodeId", "pol-1",
                "setting", "OUTPATIENT"));
        clock.reset();
        browser = Browser.start(base(), getClass());
    }

    private static String post(Api source, Map<String, Object> event) {
        Api.Response response = source.post("/api/v1/events", Api.JSON.writeValueAsString(event), Map.of());
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("pathwayId").stringValue();
    }

    @Test
    @Order(1)
    void an_auditor_logs_in_and_opens_a_scenario_pathway_as_of_a_time() {
        browser.open("/");
        logIn(browser, Role.AUDITOR);
        assertThat(browser.path()).as("an auditor starts on the audit page").isEqualTo("/audit");
        assertThat(browser.find("h1").getText()).isEqualTo("Revisjon");
        assertThat(browser.texts(".site-menu a")).contains("Revisjon");
        browser.page("audit-start");

        browser.find("#pathway").sendKeys(trondheim);
        browser.follow("form[action='/audit'] button[type=submit]");
        assertThat(browser.path()).isEqualTo("/audit/pathways/" + trondheim);
        browser.look("audit-pathway-now");

        // what was due at 07:00 on 3 March, with everything known now: the coordinator's page of that morning
        setField("at", "2026-03-03T07:00");
        browser.follow("form.asof button[type=submit]");
        assertThat(browser.path()).startsWith("/audit/pathways/" + trondheim + "?at=2026-03-03T07%3A00&knownAt=");
        assertThat(browser.find("#asof-gaps-heading").getText()).startsWith("Avvik per 3. mars 2026 kl. 07:00");
        assertThat(browser.texts(".asof-gaps .gap__sentence")).contains(
                "Utskrevet for 22 t siden, ingen egnet bolig registrert, 22 t over fristen",
                "Utskrevet fra døgnbehandling for 22 t siden, ingen aktivitet innen 14 døgn, 13 døgn igjen");
        assertThat(browser.find(".chain-result").getText()).startsWith("Hashkjeden er hel");
        assertThat(browser.all(".timeline-gap")).isNotEmpty();
        assertThat(browser.texts(".looks tbody td:nth-child(4)")).contains("GET /audit/pathways/{pathwayId}");
        assertThat(browser.driver().getPageSource()).doesNotContain(TRONDHEIM_PERSON);
        browser.page("audit-pathway-as-of");

        // the same moment with what the service knew then: the scenario was recorded later, so nothing
        setField("knownAt", "2026-03-03T07:00");
        browser.follow("form.asof button[type=submit]");
        assertThat(browser.texts("section[aria-labelledby=asof-gaps-heading] p")).contains("Ingen avvik.");
        assertThat(browser.texts(".history tbody td:nth-child(6)")).containsOnly("nei");
        browser.page("audit-pathway-nothing-known");

        assertThat(lastAccess()).containsEntry("call", "GET /audit/pathways/{pathwayId}")
                .containsEntry("first", trondheim).containsEntry("roles", "AUDITOR");
    }

    @Test
    @Order(2)
    void a_closure_recorded_late_is_not_known_at_t_but_is_later() {
        browser.open("/audit/pathways/" + drammen + "?at=" + T + "&knownAt=" + T);
        assertThat(browser.texts(".asof-gaps .gap__sentence")).containsExactly(
                "Avrusning avsluttet for 25 t siden, ingen behandlingstime innen 24 t, 1 t over fristen");
        assertThat(browser.texts(".asof-gaps .ds-tag")).containsExactly("Over frist");
        assertThat(browser.texts(".history tbody td:nth-child(6)")).containsExactly("ja", "nei");
        browser.page("audit-pathway-overdue-then");

        browser.open("/audit/pathways/" + drammen + "?at=" + T + "&knownAt=" + LATER);
        assertThat(browser.texts(".asof-gaps .ds-tag")).containsExactly("Fulgt opp");
        assertThat(browser.texts(".asof-gaps .gap__sentence"))
                .containsExactly("Avrusning avsluttet for 25 t siden, fulgt opp i tide");
        // the timeline: prospective from the discharge, overdue at the deadline, closed when the start came in
        assertThat(browser.texts(".timeline tbody td:nth-child(2)"))
                .containsExactly("Innen frist", "Over frist", "Fulgt opp");
        assertThat(browser.texts(".timeline tbody td:nth-child(3)").get(1)).isEqualTo("Fristen gikk ut");
        assertThat(browser.texts(".timeline tbody td:nth-child(3)").get(2))
                .isEqualTo("Hendelse: Episode startet (skjedde 2. mars 2026 kl. 21:00, registrert 3. mars 2026 "
                        + "kl. 11:00)");
        browser.look("audit-pathway-known-later");
    }

    @Test
    @Order(3)
    void the_export_downloads_and_is_access_logged() throws Exception {
        String session = browser.cookies().get("JSESSIONID").getValue();
        HttpResponse<String> export = http.send(HttpRequest.newBuilder(URI.create(base() + "/audit/pathways/"
                        + drammen + "/export")).header("Cookie", "JSESSIONID=" + session).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("pathway-" + drammen + ".json");
        JsonNode json = Api.JSON.readTree(export.body());
        assertThat(json.get("events")).hasSize(2);
        assertThat(json.get("verification").get("intact").booleanValue()).isTrue();
        assertThat(lastAccess()).containsEntry("call", "GET /audit/pathways/{pathwayId}/export")
                .containsEntry("first", drammen);
    }

    @Test
    @Order(4)
    void the_dashboard_at_t_shows_what_the_municipality_saw_then() {
        browser.open("/audit");
        browser.look("audit-start-again");
        browser.find("#municipality option[value='" + DRAMMEN + "']").click();
        setField("dashboard-at", T);
        browser.follow("form[action='/audit/dashboard'] button[type=submit]");
        assertThat(browser.path()).isEqualTo("/audit/dashboard?municipality=3301&at=2026-03-03T08%3A00");
        assertThat(browser.find("h1").getText()).isEqualTo("Arbeidslisten for 3301 Drammen 3. mars 2026 kl. 08:00");
        assertThat(browser.texts(".dashboard-at tbody td:nth-child(2)")).containsExactly(
                "Avrusning avsluttet for 25 t siden, ingen behandlingstime innen 24 t, 1 t over fristen");
        assertThat(browser.texts(".counts li")).contains("Over frist: 1", "Innen frist: 0");
        browser.page("audit-dashboard-at-t");
        assertThat(lastAccess()).containsEntry("call", "GET /audit/dashboard").containsEntry("first", drammen);

        browser.follow(".dashboard-at tbody a");
        assertThat(browser.path()).isEqualTo("/audit/pathways/" + drammen + "?at=" + T + "&knownAt=" + T);
        assertThat(browser.texts(".asof-gaps .ds-tag")).containsExactly("Over frist");
        browser.look("audit-dashboard-row-opened");

        browser.open("/audit/dashboard?municipality=3301&at=" + LATER);
        assertThat(browser.texts("main p")).contains("Ingen avvik ventet på oppfølging.");
        assertThat(browser.texts(".counts li")).contains("Fulgt opp i tide: 1", "Over frist: 0");
        browser.page("audit-dashboard-later");

        browser.follow("a[hreflang=en]");
        assertThat(browser.find("h1").getText()).isEqualTo("The worklist of 3301 Drammen at 3 Mar 2026, 12:00");
        browser.page("audit-dashboard-english");
        browser.open("/audit/pathways/" + drammen + "?at=" + T + "&knownAt=" + T);
        assertThat(browser.texts(".asof-gaps .gap__sentence"))
                .containsExactly("Detox ended 25 h ago, no treatment appointment within 24 h, 1 h overdue");
        browser.page("audit-pathway-english");
        browser.follow("a[hreflang=nb]");
    }

    @Test
    @Order(5)
    void an_auditor_types_times_as_the_page_language_writes_them_or_in_iso() {
        browser.open("/audit/pathways/" + drammen);
        assertThat(browser.find("#at").getAttribute("type")).isEqualTo("text");
        assertThat(browser.find("#at-hint").getText()).endsWith("Skriv som dd.mm.åååå tt:mm, for eksempel 03.03.2026 07:00.");
        type("at", "03.03.2026 08:00");
        type("knownAt", "03.03.2026 08:00");
        browser.follow("form.asof button[type=submit]");
        assertThat(browser.find("#asof-gaps-heading").getText())
                .isEqualTo("Avvik per 3. mars 2026 kl. 08:00, med det som var kjent per 3. mars 2026 kl. 08:00");
        assertThat(browser.texts(".asof-gaps .ds-tag")).containsExactly("Over frist");
        assertThat(browser.find("#knownAt").getAttribute("value")).isEqualTo("03.03.2026 08:00");
        type("knownAt", "2026-03-03T12:00");
        browser.follow("form.asof button[type=submit]");
        assertThat(browser.texts(".asof-gaps .ds-tag")).containsExactly("Fulgt opp");
        assertThat(browser.find("#knownAt").getAttribute("value")).isEqualTo("03.03.2026 12:00");
        browser.page("audit-pathway-typed-times");

        browser.follow("a[hreflang=en]");
        assertThat(browser.find("#at").getAttribute("value")).isEqualTo("03/03/2026 08:00");
        assertThat(browser.find("#at-hint").getText()).endsWith("Write it as dd/mm/yyyy hh:mm, for example 03/03/2026 07:00.");
        type("knownAt", "03/03/2026 08:00");
        browser.follow("form.asof button[type=submit]");
        assertThat(browser.find("#asof-gaps-heading").getText())
                .isEqualTo("Gaps at 3 Mar 2026, 08:00, with what was known at 3 Mar 2026, 08:00");
        assertThat(browser.texts(".asof-gaps .ds-tag")).containsExactly("Overdue");
        type("knownAt", "2026-03-03T12:00");
        browser.follow("form.asof button[type=submit]");
        assertThat(browser.texts(".asof-gaps .ds-tag")).containsExactly("Followed up");
        browser.page("audit-pathway-typed-times-english");

        browser.open("/audit");
        browser.find("#municipality option[value='" + DRAMMEN + "']").click();
        type("dashboard-at", "03/03/2026 08:00");
        browser.follow("form[action='/audit/dashboard'] button[type=submit]");
        assertThat(browser.find("h1").getText()).isEqualTo("The worklist of 3301 Drammen at 3 Mar 2026, 08:00");
        assertThat(browser.texts(".counts li")).contains("Overdue: 1");
        assertThat(browser.find("#dashboard-at").getAttribute("value")).isEqualTo("03/03/2026 08:00");
        browser.follow("a[hreflang=nb]");
        assertThat(browser.find("h1").getText()).isEqualTo("Arbeidslisten for 3301 Drammen 3. mars 2026 kl. 08:00");
        assertThat(browser.find("#dashboard-at").getAttribute("value")).isEqualTo("03.03.2026 08:00");
        browser.look("audit-dashboard-typed-time");
    }

    @Test
    @Order(6)
    void a_time_that_is_not_one_is_reported_on_its_field_not_echoed_and_shows_nothing() {
        browser.open("/audit/pathways/" + drammen);
        long logged = jdbc.sql("SELECT count(*) FROM access_log").query(Long.class).single();
        type("at", "32.03.2026 08:00");
        browser.follow("form.asof button[type=submit]");
        assertThat(browser.find("#at-error").getText())
                .isEqualTo("Skriv tidspunktet som dd.mm.åååå tt:mm, for eksempel 03.03.2026 07:00.");
        assertThat(browser.find("#at").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#at").getAttribute("aria-describedby")).isEqualTo("at-hint at-error");
        assertThat(browser.find("#at").getAttribute("value")).isEmpty();
        assertThat(browser.all("#knownAt-error")).isEmpty();
        assertThat(browser.all("#asof-gaps-heading, .history, .looks")).as("no result").isEmpty();
        assertThat(browser.find("main").getText()).doesNotContain("32.03.2026");
        browser.page("audit-pathway-time-invalid");

        browser.open("/audit");
        browser.find("#municipality option[value='" + DRAMMEN + "']").click();
        type("dashboard-at", "3.3.26 8");
        browser.follow("form[action='/audit/dashboard'] button[type=submit]");
        assertThat(browser.find("#dashboard-at-error").getText())
                .isEqualTo("Skriv tidspunktet som dd.mm.åååå tt:mm, for eksempel 03.03.2026 07:00.");
        assertThat(browser.find("#dashboard-at").getAttribute("aria-describedby"))
                .isEqualTo("dashboard-at-hint dashboard-at-error");
        assertThat(browser.all(".dashboard-at, .counts")).as("no result").isEmpty();
        browser.page("audit-dashboard-time-invalid");
        assertThat(jdbc.sql("SELECT count(*) FROM access_log").query(Long.class).single())
                .as("nothing was read").isEqualTo(logged);
    }

    @Test
    @Order(7)
    void a_coordinator_cannot_open_the_auditors_pages() {
        browser.follow("form[action='/logout'] button");
        browser.open("/worklist");
        logIn(browser, Role.COORDINATOR, DRAMMEN);
        assertThat(browser.texts(".site-menu a")).doesNotContain("Revisjon");
        long logged = jdbc.sql("SELECT count(*) FROM access_log").query(Long.class).single();
        for (String path : List.of("/audit", "/audit/dashboard?municipality=3301&at=" + T,
                "/audit/pathways/" + drammen, "/audit/pathways/" + drammen + "/export")) {
            browser.open(path);
            assertThat(browser.find("h1").getText()).as(path).isEqualTo("Ingen tilgang");
            if (path.equals("/audit")) {
                browser.page("audit-refused");
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM access_log").query(Long.class).single()).isEqualTo(logged);
    }

    /** Types into a text field as a person would, replacing what it held. */
    private void type(String id, String value) {
        browser.find("#" + id).clear();
        browser.find("#" + id).sendKeys(value);
    }

    private void setField(String id, String value) {
        browser.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    private Map<String, Object> lastAccess() {
        return jdbc.sql("SELECT call, roles, pathway_ids[1] AS first FROM access_log ORDER BY id DESC LIMIT 1")
                .query().singleRow();
    }
}
