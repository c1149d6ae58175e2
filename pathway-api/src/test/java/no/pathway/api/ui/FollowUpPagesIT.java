package no.pathway.api.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.pathway.api.security.Role;
import no.pathway.api.support.WebIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

/**
 * A coordinator follows a gap up in a real headless Chromium: opens a pathway from the worklist, reads its timeline
 * and why each gap is what it is, reveals the person with a purpose, assigns the gap to themselves, records a
 * follow-up attempt and sees it on the timeline and in the call log, finds it under "assigned to me", sees a
 * colleague who has logged in by name (and an id no one logged in with shortened); a coordinator of another
 * municipality sees none of it. Every new page state is scanned by axe and photographed. The clock
 * stands at {@link WebAppIT#NOW}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FollowUpPagesIT extends WebIT {
    private static final String UNRESOLVED = "section[aria-labelledby=unresolved-heading] li.gap:first-child ";
    /** A colleague's name as her login provider gives it. */
    private static final String BERIT = "Berit Bakke";
    /** A user id no one has logged in to the pages with. */
    private static final String NEVER_LOGGED_IN = "7c0d3e9a-1b2c-4d5e-8f90-a1b2c3d4e5f6";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private String trondheim;
    private String gapId;

    @BeforeAll
    void start() throws IOException {
        loadScenarios();
        trondheim = pathwayOf(WebAppIT.TRONDHEIM_PERSON);
        openBrowserAt(WebAppIT.NOW);
    }

    @Test
    @Order(1)
    void the_pathway_page_draws_the_services_as_lanes_over_time_with_a_table_alongside() {
        browser.open("/worklist");
        logIn(browser, Role.COORDINATOR, "5001");
        browser.follow(".worklist tbody tr:first-child a");
        assertThat(browser.path()).isEqualTo("/pathways/" + trondheim);

        assertThat(browser.texts(".timeline__row:not(.timeline__axis):not(.timeline__gap) .timeline__label"))
                .containsExactly("Avrusning", "Poliklinikk", "Døgnbehandling", "Kommunen", "NAV",
                        "Kriminalomsorgen");
        assertThat(browser.all(".timeline__chart rect.bar--episode")).isNotEmpty();
        assertThat(browser.all(".timeline__chart rect.bar--gap-danger")).hasSize(1);
        assertThat(browser.texts(".timeline__table tbody td:nth-child(3)"))
                .anySatisfy(t -> assertThat(t).startsWith("Døgnbehandling avsluttet"))
                .anySatisfy(t -> assertThat(t).startsWith("Bolig ved utskrivning: Over frist, frist"));
        assertThat(browser.find(UNRESOLVED + ".gap__assignee").getText()).isEqualTo("Ikke tildelt noen.");
        gapId = browser.find(UNRESOLVED).getAttribute("data-gap");
        // each gap explains itself: what triggered it, what closes it and when, the rule version and deadline
        browser.find(UNRESOLVED + ".gap__why summary").click();
        assertThat(browser.texts(UNRESOLVED + ".gap__why li"))
                .anySatisfy(t -> assertThat(t).startsWith("Utløst av: Episode avsluttet ("))
                .anySatisfy(t -> assertThat(t).startsWith("Lukkes av: "))
                .anySatisfy(t -> assertThat(t).startsWith("I tide "))
                .anySatisfy(t -> assertThat(t).startsWith("Regelversjon 2026.1, frist "));
        assertThat(browser.texts("section[aria-labelledby=resolved-heading] .gap__why summary")).isNotEmpty()
                .allSatisfy(t -> assertThat(t).isEqualTo("Hvorfor"));
        browser.page("pathway-timeline");

        browser.follow("a[hreflang=en]");
        assertThat(browser.find("#timeline-heading").getText()).isEqualTo("The pathway over time");
        assertThat(browser.find(UNRESOLVED + ".gap__why summary").getText()).isEqualTo("Why");
        assertThat(browser.texts(".timeline__table tbody td:nth-child(3)"))
                .anySatisfy(t -> assertThat(t).startsWith("Residential treatment ended"));
        browser.page("pathway-timeline-english");
        browser.follow("a[hreflang=nb]");
    }

    @Test
    @Order(2)
    void the_person_is_revealed_with_a_purpose_on_the_answer_to_the_post_only_and_logged() throws Exception {
        browser.find("#purpose-FOLLOW_UP").click();
        browser.find("#reveal-note").sendKeys("ringer om bolig");
        browser.follow("#reveal button[type=submit]");

        assertThat(browser.path()).isEqualTo("/pathways/" + trondheim + "/identity");
        assertThat(browser.find(".identity-number").getText()).isEqualTo(WebAppIT.TRONDHEIM_PERSON);
        assertThat(browser.find("main").getText()).contains("Oppfølging av avvik");
        assertThat(jdbc.sql("SELECT call, purpose, pathway_ids[1] FROM access_log ORDER BY id DESC LIMIT 1")
                .query().singleRow()).containsEntry("call", "POST /pathways/{pathwayId}/identity")
                .containsEntry("purpose", "FOLLOW_UP: ringer om bolig").containsEntry("pathway_ids", trondheim);
        browser.page("identity-revealed");

        // the answer is not stored by the browser, and without a purpose nothing is revealed
        String session = browser.cookies().get("JSESSIONID").getValue();
        HttpResponse<String> revealed = post("/pathways/" + trondheim + "/identity", "purpose=AUDIT", session);
        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(revealed.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(revealed.body()).contains(WebAppIT.TRONDHEIM_PERSON);
        HttpResponse<String> noPurpose = post("/pathways/" + trondheim + "/identity", "note=hemmelig", session);
        assertThat(noPurpose.statusCode()).isEqualTo(302);
        assertThat(noPurpose.headers().firstValue("Location").orElseThrow()).doesNotContain("hemmelig")
                .endsWith("/pathways/" + trondheim + "#reveal");

        browser.open("/pathways/" + trondheim);
        assertThat(browser.find("#reveal .ds-error-summary").getText()).contains("Velg formålet med oppslaget.");
        assertThat(browser.driver().getPageSource()).doesNotContain(WebAppIT.TRONDHEIM_PERSON);
        browser.page("pathway-reveal-error");
    }

    @Test
    @Order(3)
    void a_coordinator_assigns_the_gap_to_themselves_and_records_an_attempt_that_shows_on_the_timeline() {
        browser.open("/pathways/" + trondheim);
        browser.follow(UNRESOLVED + "form[action$='/assignment'] button[type=submit]");
        assertThat(browser.path()).isEqualTo("/pathways/" + trondheim + "#gap-" + gapId);
        assertThat(browser.find(UNRESOLVED + ".gap__assignee").getText())
                .isEqualTo("Tildelt deg 3. mars 2026 kl. 07:00");

        browser.follow(UNRESOLVED + "form[action$='/follow-up-attempts'] button[type=submit]");
        assertThat(browser.find(UNRESOLVED + ".ds-error-summary").getText()).contains("Velg utfallet av forsøket.");
        browser.page("pathway-attempt-error");

        browser.find("#attempt-" + gapId + "-NOT_REACHED").click();
        browser.find("#attempt-" + gapId + "-note").sendKeys("Ingen svar, prøver igjen i ettermiddag");
        browser.follow(UNRESOLVED + "form[action$='/follow-up-attempts'] button[type=submit]");

        assertThat(browser.texts(UNRESOLVED + ".gap__log li")).containsExactly(
                "3. mars 2026 kl. 07:00: Ikke nådd – Ingen svar, prøver igjen i ettermiddag av deg");
        assertThat(browser.all(".timeline__gap .mark--attempt")).hasSize(1);
        assertThat(browser.all(".timeline__gap .mark--assigned")).hasSize(1);
        assertThat(browser.texts(".timeline__table tbody td:nth-child(3)")).contains(
                "Bolig ved utskrivning: tildelt deg",
                "Bolig ved utskrivning: oppfølgingsforsøk, Ikke nådd – Ingen svar, prøver igjen i ettermiddag");
        browser.page("pathway-followed-up");
    }

    @Test
    @Order(4)
    void assigned_to_me_shows_the_gap_and_unassigned_does_not() {
        await().atMost(Duration.ofSeconds(60)).until(() -> readModels.status().behind() == 0);
        browser.open("/worklist");
        browser.find("#assignee-me").click();
        browser.follow(".filters button[type=submit]");

        assertThat(browser.all(".worklist tbody tr")).hasSize(1);
        assertThat(browser.find(".worklist tbody tr").getAttribute("data-gap")).isEqualTo(gapId);
        assertThat(browser.texts(".worklist tbody td:nth-child(7)")).containsExactly("deg");
        browser.page("worklist-assigned-to-me");

        browser.find("#assignee-none").click();
        browser.follow(".filters button[type=submit]");
        assertThat(browser.all(".worklist tbody tr")).isNotEmpty()
                .noneMatch(r -> gapId.equals(r.getAttribute("data-gap")));
        browser.page("worklist-unassigned");
    }

    @Test
    @Order(5)
    void a_colleague_who_has_logged_in_is_named_on_the_call_log_and_the_worklist_and_an_unknown_id_is_shortened() {
        // Berit, a coordinator of the same municipality, logs in once (her provider gives her name) and calls
        browser.follow("form[action='/logout'] button");
        browser.open("/pathways/" + trondheim);
        browser.find("#name").sendKeys(BERIT);
        logIn(browser, Role.COORDINATOR, "5001");
        browser.find("#attempt-" + gapId + "-REACHED").click();
        browser.follow(UNRESOLVED + "form[action$='/follow-up-attempts'] button[type=submit]");
        String berit = jdbc.sql("SELECT subject FROM person_directory WHERE display_name = ?").param(BERIT)
                .query(String.class).single();

        // the first coordinator sees her by name in the call log, and assigns her the gap by her user id
        browser.follow("form[action='/logout'] button");
        browser.open("/pathways/" + trondheim);
        logIn(browser, Role.COORDINATOR, "5001");
        assertThat(browser.texts(UNRESOLVED + ".gap__log li")).containsExactly(
                "3. mars 2026 kl. 07:00: Ikke nådd – Ingen svar, prøver igjen i ettermiddag av deg",
                "3. mars 2026 kl. 07:00: Nådd av " + BERIT);
        browser.find("#assign-" + gapId + "-colleague").click();
        browser.find("#assign-" + gapId + "-who").sendKeys(berit);
        browser.follow(UNRESOLVED + "form[action$='/assignment'] button[type=submit]");
        assertThat(browser.find(UNRESOLVED + ".gap__assignee").getText())
                .isEqualTo("Tildelt " + BERIT + " 3. mars 2026 kl. 07:00");
        assertThat(browser.texts(".timeline__table tbody td:nth-child(3)"))
                .contains("Bolig ved utskrivning: tildelt " + BERIT);
        assertThat(browser.path()).doesNotContain("Berit");
        browser.page("pathway-assigned-to-a-colleague");

        await().atMost(Duration.ofSeconds(60)).until(() -> readModels.status().behind() == 0);
        browser.open("/worklist");
        WebElement assignee = browser.find("tr[data-gap='" + gapId + "'] td.assignee span");
        assertThat(assignee.getText()).isEqualTo(BERIT);
        assertThat(assignee.getDomAttribute("title")).as("a name needs no id beside it").isNull();
        browser.page("worklist-colleague-by-name");

        // someone who never logged in to the pages (a user id from another system) shows by a shortened id
        browser.open("/pathways/" + trondheim);
        browser.find("#assign-" + gapId + "-colleague").click();
        browser.find("#assign-" + gapId + "-who").sendKeys(NEVER_LOGGED_IN);
        browser.follow(UNRESOLVED + "form[action$='/assignment'] button[type=submit]");
        assertThat(browser.find(UNRESOLVED + ".gap__assignee").getText())
                .isEqualTo("Tildelt 7c0d3e9a… 3. mars 2026 kl. 07:00");
        assertThat(browser.find(UNRESOLVED + ".gap__assignee").getAttribute("title")).isEqualTo(NEVER_LOGGED_IN);
        await().atMost(Duration.ofSeconds(60)).until(() -> readModels.status().behind() == 0);
        browser.open("/worklist");
        assignee = browser.find("tr[data-gap='" + gapId + "'] td.assignee span");
        assertThat(assignee.getText()).isEqualTo("7c0d3e9a…");
        assertThat(assignee.getAttribute("title")).isEqualTo(NEVER_LOGGED_IN);
        browser.look("worklist-unknown-id-shortened");
    }

    @Test
    @Order(6)
    void a_coordinator_of_another_municipality_sees_none_of_it_and_cannot_act_on_it() throws Exception {
        browser.follow("form[action='/logout'] button");
        browser.open("/worklist");
        logIn(browser, Role.COORDINATOR, "4601");
        browser.open("/worklist?assignee=me");
        assertThat(browser.all(".worklist tbody tr")).isEmpty();
        browser.look("worklist-bergen-assigned-to-me");

        browser.open("/pathways/" + trondheim);
        assertThat(browser.find("h1").getText()).isEqualTo("Fant ikke forløpet");
        assertThat(browser.driver().getPageSource()).doesNotContain("Ingen svar", gapId);

        String session = browser.cookies().get("JSESSIONID").getValue();
        long events = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        for (String action : new String[] {"assignment", "follow-up-attempts"}) {
            HttpResponse<String> answer = post("/pathways/" + trondheim + "/gaps/" + gapId + "/" + action,
                    "assignee=me&outcome=REACHED", session);
            assertThat(answer.statusCode()).isEqualTo(404);
        }
        assertThat(post("/pathways/" + trondheim + "/identity", "purpose=AUDIT", session).statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single()).isEqualTo(events);
    }

    /** A form's POST as the browser's session would send it, with the CSRF token of the worklist page. */
    private HttpResponse<String> post(String path, String form, String session)
            throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/worklist"))
                .header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + token.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
