package no.pathway.api.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.support.Api;
import no.pathway.api.security.Role;
import no.pathway.api.support.TestPersons;
import no.pathway.api.support.WebIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * The web application in a real headless Chromium, as a coordinator uses it: logging in through the development
 * provider (authorization code with PKCE, in the browser), the worklist of the shared scenarios, a pathway, finding
 * one by number, and a coordinator elsewhere seeing none of it. One browser for the class: the tests run in order
 * and go on from the page (and login) the one before left. The clock stands at {@link #NOW}, the morning after the
 * scenarios' discharges.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppIT extends WebIT {
    /** 07:00 in Oslo on 3 March 2026. */
    static final Instant NOW = Instant.parse("2026-03-03T06:00:00Z");
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";
    /** residential-discharge-homeless, Trondheim. */
    static final String TRONDHEIM_PERSON = "01849639435";
    /** prison-release-no-contact, Bergen. */
    static final String BERGEN_PERSON = "19868740445";

    /** A colleague's user id as a login provider gives it: a UUID. */
    static final String COLLEAGUE = "3f2a9c1e-7b4d-4e0a-9c55-0d6b2e8f1a90";

    private final HttpClient http = HttpClient.newHttpClient();
    private String trondheim;
    private String osloOverdose;

    @BeforeAll
    void start() throws IOException {
        loadScenarios();
        trondheim = pathwayOf(TRONDHEIM_PERSON);
        osloOverdose = jdbc.sql("SELECT gap_id::text FROM gap WHERE municipality = '0301' "
                + "AND rule = 'OVERDOSE_NO_FOLLOW_UP_48H'").query(String.class).single();
        Api.Response assigned = api(Set.of(Role.COORDINATOR), Set.of("0301"))
                .post("/api/v1/gaps/" + osloOverdose + "/assignment", Map.of("assignee", COLLEAGUE));
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> COLLEAGUE.equals(jdbc.sql(
                "SELECT assigned_to FROM gap WHERE gap_id::text = ?").param(osloOverdose).query(String.class)
                .single()));
        openBrowserAt(NOW);
    }

    @Test
    @Order(1)
    void a_page_without_login_leads_to_the_development_login() throws Exception {
        browser.open("/worklist");
        assertThat(browser.path()).isEqualTo("/dev/login");
        assertThat(browser.find("h1").getText()).isEqualTo("Logg inn (utvikling)");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("nb");
        browser.page("development-login");

        HttpResponse<Void> start = get("/oauth2/authorization/pathway", null);
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location").orElseThrow())
                .startsWith(base() + "/oauth2/authorize?response_type=code&client_id=pathway-web")
                .contains("&code_challenge=", "&code_challenge_method=S256", "&nonce=", "&state=");
    }

    @Test
    @Order(2)
    void a_coordinator_logs_in_and_sees_the_most_urgent_gaps_first() {
        logIn(browser, Role.COORDINATOR, "0301", "4204", "5001");

        assertThat(browser.path()).isEqualTo("/worklist");
        assertThat(browser.find(".who").getText()).contains("Koordinator", "0301 Oslo", "4204 Kristiansand",
                "5001 Trondheim");
        // overdue first, then the nearest deadline; gaps due at the same time in the order of their (stable) ids
        assertThat(browser.texts(".worklist tbody td:nth-child(2)")).containsExactly(
                "Utskrevet for 22 t siden, ingen egnet bolig registrert, 22 t over fristen",
                "Utskrevet for 22 t siden, ingen overføring sendt innen 24 t, 2 t igjen",
                "Avrusning avsluttet for 22 t siden, ingen behandlingstime innen 24 t, 2 t igjen",
                "Overføring sendt for 22 t siden, ikke akseptert innen 48 t, 26 t igjen",
                "Overdose for 22 t siden, ingen oppfølging innen 48 t, 26 t igjen",
                "Overføring sendt for 17 t siden, ikke akseptert innen 48 t, 31 t igjen",
                "Overføring sendt for 2 t siden, ikke akseptert innen 48 t, 46 t igjen",
                "Utskrevet fra døgnbehandling for 22 t siden, ingen aktivitet innen 14 døgn, 13 døgn igjen");
        assertThat(browser.texts(".worklist tbody td:nth-child(1)"))
                .containsExactly("Over frist", "Innen frist", "Innen frist", "Innen frist", "Innen frist",
                        "Innen frist", "Innen frist", "Innen frist");
        assertThat(browser.texts(".worklist tbody td:nth-child(3)")).startsWith("2. mars kl. 09:00",
                "3. mars kl. 09:00");
        assertThat(browser.texts(".worklist tbody td:nth-child(6)")).containsExactly("5001 Trondheim",
                "4204 Kristiansand", "4204 Kristiansand", "0301 Oslo", "0301 Oslo", "0301 Oslo", "0301 Oslo",
                "5001 Trondheim");
        assertThat(browser.texts(".filters fieldset label")).startsWith("Over frist (1)", "Innen frist (7)");
        // no token in the page: a JWT is two base64url JSON segments and a dot (a bare "eyJ" also occurs, by chance,
        // inside the random CSRF token)
        assertThat(browser.driver().getPageSource()).doesNotContain(TRONDHEIM_PERSON)
                .doesNotContainPattern("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}");
        browser.page("worklist");

        assertThat(accessLog()).containsEntry("call", "GET /worklist")
                .containsEntry("pathways", 5).containsEntry("roles", "COORDINATOR");
    }

    @Test
    @Order(3)
    void filters_narrow_the_worklist_and_the_language_switch_keeps_the_page() {
        browser.find("#status-PROSPECTIVE").click();
        browser.find("#municipality option[value='5001']").click();
        browser.follow(".filters button[type=submit]");
        assertThat(browser.path()).isEqualTo("/worklist?status=OPEN&rule=&municipality=5001&dueBy=&assignee=");
        assertThat(browser.texts(".worklist tbody td:nth-child(2)"))
                .containsExactly("Utskrevet for 22 t siden, ingen egnet bolig registrert, 22 t over fristen");
        browser.page("worklist-filtered");

        browser.follow("a[hreflang=en]");
        assertThat(browser.path())
                .startsWith("/worklist?status=OPEN&rule=&municipality=5001&dueBy=&assignee=&lang=en");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        assertThat(browser.find("h1").getText()).isEqualTo("Worklist");
        assertThat(browser.texts(".worklist tbody td:nth-child(2)"))
                .containsExactly("Discharged 22 h ago, no suitable housing recorded, 22 h overdue");
        assertThat(browser.texts(".worklist tbody td:nth-child(3)")).containsExactly("2 Mar, 09:00");
        browser.page("worklist-english");

        browser.follow("a[hreflang=nb]");
        assertThat(browser.find("h1").getText()).isEqualTo("Arbeidsliste");
        browser.look("worklist-norwegian-again");
    }

    @Test
    @Order(4)
    void a_row_opens_its_pathway_and_the_read_is_in_the_access_log() {
        browser.open("/worklist");
        browser.look("worklist-unfiltered");
        browser.follow(".worklist tbody tr:first-child a");

        assertThat(browser.path()).isEqualTo("/pathways/" + trondheim);
        assertThat(browser.find("h1").getText()).isEqualTo("Forløp i 5001 Trondheim");
        assertThat(browser.texts("section[aria-labelledby=unresolved-heading] .gap__sentence")).containsExactly(
                "Utskrevet for 22 t siden, ingen egnet bolig registrert, 22 t over fristen",
                "Utskrevet fra døgnbehandling for 22 t siden, ingen aktivitet innen 14 døgn, 13 døgn igjen");
        assertThat(browser.texts("section[aria-labelledby=resolved-heading] .gap")).isNotEmpty();
        browser.page("pathway");

        assertThat(accessLog()).containsEntry("call", "GET /pathways/{pathwayId}")
                .containsEntry("pathways", 1).containsEntry("first", trondheim);
    }

    @Test
    @Order(5)
    void a_pathway_is_found_by_number_and_the_number_goes_nowhere_else() {
        browser.open("/find");
        browser.page("find");
        browser.find("#personId").sendKeys(TRONDHEIM_PERSON);
        browser.follow("form[action='/find'] button[type=submit]");

        assertThat(browser.path()).isEqualTo("/pathways/" + trondheim);
        assertThat(browser.driver().getPageSource()).doesNotContain(TRONDHEIM_PERSON);
        browser.look("pathway-found");
        assertThat(accessLog()).containsEntry("call", "GET /pathways/{pathwayId}");
        assertThat(accessLogCalls(2)).containsExactly("GET /pathways/{pathwayId}", "POST /find");

        for (String elsewhereOrNowhere : List.of(BERGEN_PERSON, TestPersons.next())) {
            browser.open("/find");
            browser.look("find-again");
            browser.find("#personId").sendKeys(elsewhereOrNowhere);
            browser.follow("form[action='/find'] button[type=submit]");
            assertThat(browser.path()).isEqualTo("/find");
            assertThat(browser.find("#personId-error").getText())
                    .isEqualTo("Ingen forløp i dine kommuner har hendelser for dette nummeret.");
            assertThat(browser.find("#personId").getAttribute("value")).isEmpty();
            assertThat(browser.driver().getPageSource()).doesNotContain(elsewhereOrNowhere);
            if (elsewhereOrNowhere.equals(BERGEN_PERSON)) {
                browser.page("find-not-found");
            } else {
                browser.look("find-nobody");
            }
        }
    }

    @Test
    @Order(6)
    void the_browser_holds_a_session_cookie_only_and_every_form_needs_its_csrf_token() throws Exception {
        Map<String, Cookie> cookies = browser.cookies();
        Cookie session = cookies.get("JSESSIONID");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(cookies.values()).allSatisfy(c -> assertThat(c.getValue()).doesNotContain("."));
        assertThat(cookies.keySet()).containsOnly("JSESSIONID", "pathway-language");

        HttpResponse<Void> page = get("/worklist", session.getValue());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(CSP);
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(get("/api/v1/gaps", session.getValue()).statusCode())
                .as("the API takes bearer tokens only, never the session").isEqualTo(401);

        long logged = jdbc.sql("SELECT count(*) FROM access_log").query(Long.class).single();
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(base() + "/find"))
                .header("Cookie", "JSESSIONID=" + session.getValue())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("personId=" + TRONDHEIM_PERSON)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Ingen tilgang").doesNotContain(TRONDHEIM_PERSON);
        assertThat(jdbc.sql("SELECT count(*) FROM access_log").query(Long.class).single()).isEqualTo(logged);
    }

    @Test
    @Order(7)
    void a_coordinator_of_another_municipality_sees_none_of_it() {
        browser.follow("form[action='/logout'] button");
        assertThat(browser.path()).isEqualTo("/logged-out");
        browser.page("logged-out");

        browser.open("/worklist");
        browser.look("development-login-again");
        logIn(browser, Role.COORDINATOR, "4601");
        assertThat(browser.path()).isEqualTo("/worklist");
        assertThat(browser.texts(".worklist tbody td:nth-child(2)"))
                .containsExactly("Løslatt fra fengsel for 22 t siden, ingen time eller oppstart innen 72 t, 50 t igjen");
        browser.look("worklist-bergen");

        browser.open("/pathways/" + trondheim);
        assertThat(browser.find("h1").getText()).isEqualTo("Fant ikke forløpet");
        assertThat(browser.find("main p").getText())
                .isEqualTo("Det finnes ikke, eller det hører ikke til dine kommuner.");
        assertThat(browser.find(".who").getText()).contains("4601 Bergen");
        browser.page("pathway-elsewhere");

        browser.open("/find");
        browser.look("find-in-bergen");
        browser.find("#personId").sendKeys(TRONDHEIM_PERSON);
        browser.follow("form[action='/find'] button[type=submit]");
        assertThat(browser.find("#personId-error").getText())
                .isEqualTo("Ingen forløp i dine kommuner har hendelser for dette nummeret.");
        browser.look("find-in-bergen-not-found");
    }

    @Test
    @Order(8)
    void the_due_date_is_written_as_the_page_language_writes_it_and_a_colleague_shows_by_a_short_id() {
        browser.follow("form[action='/logout'] button");
        browser.open("/worklist");
        logIn(browser, Role.COORDINATOR, "0301", "4204", "5001");
        WebElement colleague = browser.find("tr[data-gap='" + osloOverdose + "'] td.assignee span");
        assertThat(colleague.getText()).isEqualTo("3f2a9c1e…");
        assertThat(colleague.getAttribute("title")).isEqualTo(COLLEAGUE);
        assertThat(browser.texts(".worklist tbody td:nth-child(5)")).hasSize(8)
                .allSatisfy(setting -> assertThat(setting).isNotBlank().isNotEqualTo("–"))
                .contains("Utskrivende institusjon", "Avrusning", "Utenfor tjenestene (overdose)");

        assertThat(browser.find("#dueBy").getAttribute("type")).isEqualTo("text");
        assertThat(browser.find("#dueBy-hint").getText()).isEqualTo("Skriv som dd.mm.åååå, for eksempel 31.03.2026.");
        browser.find("#dueBy").sendKeys("03.03.2026");
        browser.follow(".filters button[type=submit]");
        assertThat(browser.path()).contains("dueBy=03.03.2026");
        assertThat(browser.texts(".worklist tbody td:nth-child(3)"))
                .containsExactly("2. mars kl. 09:00", "3. mars kl. 09:00", "3. mars kl. 09:00");
        assertThat(browser.find("#dueBy").getAttribute("value")).isEqualTo("03.03.2026");
        browser.page("worklist-due-by");

        browser.follow("a[hreflang=en]");
        assertThat(browser.find("#dueBy").getAttribute("value")).isEqualTo("03/03/2026");
        assertThat(browser.find("#dueBy-hint").getText()).isEqualTo("Write it as dd/mm/yyyy, for example 31/03/2026.");
        assertThat(browser.all(".worklist tbody tr")).hasSize(3);
        browser.look("worklist-due-by-english");

        browser.find("#dueBy").clear();
        browser.find("#dueBy").sendKeys("31/02/2026");
        browser.follow(".filters button[type=submit]");
        assertThat(browser.find("#dueBy-error").getText())
                .isEqualTo("Write a date as dd/mm/yyyy, for example 31/03/2026.");
        assertThat(browser.find("#dueBy").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#dueBy").getAttribute("value")).as("not echoed").isEmpty();
        assertThat(browser.all(".worklist tbody tr")).as("no date, no date filter").hasSize(8);
        browser.page("worklist-due-by-invalid");
        browser.follow("a[hreflang=nb]");
    }

    /** The newest access-log entry: its call, roles, how many pathways and the first of them. */
    private Map<String, Object> accessLog() {
        return jdbc.sql("SELECT call, roles, cardinality(pathway_ids) AS pathways, pathway_ids[1] AS first "
                + "FROM access_log ORDER BY id DESC LIMIT 1").query().singleRow();
    }

    private List<String> accessLogCalls(int newest) {
        return jdbc.sql("SELECT call FROM access_log ORDER BY id DESC LIMIT ?").param(newest).query(String.class).list();
    }

    private HttpResponse<Void> get(String path, String session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}
