package no.pathway.api.ui;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.text.NumberFormat;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import no.pathway.api.identity.PathwayIds;
import no.pathway.api.security.Role;
import no.pathway.api.support.Api;
import no.pathway.api.support.TestDatabase;
import no.pathway.api.support.TestPersons;
import no.pathway.api.support.WebIT;
import no.pathway.core.value.PersonId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The operator's page in a real headless Chromium: the read models' status, a pathway set aside by a real failure
 * (a trigger of this test refuses its summary row, as a value PostgreSQL refuses would) retried from the page, first
 * in vain and then after the cure, and a rebuild whose progress bar follows the server (the rebuild is held at the
 * start of its replacement by a lock of this test, so the bar can be seen). A coordinator cannot open it, an operator
 * opens none of the other pages, and a form without its CSRF token changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorPagesIT extends WebIT {
    /** A municipality of this test alone (Sandnes). */
    static final String SANDNES = "1108";

    @Autowired
    private PathwayIds pathwayIds;
    @Autowired
    private DataSource dataSource;
    private final HttpClient http = HttpClient.newHttpClient();
    private JdbcClient owner;
    private SingleConnectionDataSource ownerConnection;
    private String poisoned;

    @BeforeAll
    void start() throws IOException, SQLException {
        loadScenarios();
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        ownerConnection = new SingleConnectionDataSource(url, TestDatabase.owner(), "", true);
        owner = JdbcClient.create(ownerConnection);
        owner.sql("CREATE TABLE operator_it_poisoned (pathway_id VARCHAR(64) PRIMARY KEY)").update();
        owner.sql("GRANT SELECT ON operator_it_poisoned TO " + TestDatabase.applicationRole()).update();
        owner.sql("""
                CREATE FUNCTION operator_it_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM operator_it_poisoned WHERE pathway_id = NEW.pathway_id) THEN
                        RAISE EXCEPTION 'poisoned';
                    END IF;
                    RETURN NEW;
                END $$""").update();
        owner.sql("CREATE TRIGGER operator_it_poison BEFORE INSERT OR UPDATE ON pathway_summary "
                + "FOR EACH ROW EXECUTE FUNCTION operator_it_poison()").update();

        String person = TestPersons.next();
        poisoned = pathwayIds.of(PersonId.of(person, true));
        owner.sql("INSERT INTO operator_it_poisoned VALUES (?)").param(poisoned).update();
        Api source = api(Set.of(Role.SOURCE), Set.of());
        Api.Response posted = source.post("/api/v1/events", Api.JSON.writeValueAsString(event("OVERDOSE_RECORDED",
                person, "2026-03-02T20:00:00Z", "municipality", SANDNES, "fatal", false)), Map.of());
        assertThat(posted.status()).as(posted.text()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> readModels.status().quarantined() == 1);
        openBrowserAt(WebAppIT.NOW);
    }

    @AfterAll
    void cure() {
        owner.sql("DROP TRIGGER IF EXISTS operator_it_poison ON pathway_summary").update();
        owner.sql("DROP FUNCTION IF EXISTS operator_it_poison()").update();
        owner.sql("DROP TABLE IF EXISTS operator_it_poisoned").update();
        ownerConnection.destroy();
    }

    @Test
    @Order(1)
    void a_coordinator_cannot_open_the_operators_page() {
        browser.open("/operator");
        logIn(browser, Role.COORDINATOR, "0301");
        assertThat(browser.find("h1").getText()).isEqualTo("Ingen tilgang");
        assertThat(browser.texts(".site-menu a")).doesNotContain("Drift");
        browser.page("operator-refused");
        browser.open("/operator/rebuild-progress");
        assertThat(browser.find("h1").getText()).isEqualTo("Ingen tilgang");
        browser.look("operator-progress-refused");
        browser.open("/worklist");
        browser.follow("form[action='/logout'] button");
    }

    @Test
    @Order(2)
    void an_operator_sees_the_read_models_current_and_the_pathway_set_aside() {
        browser.open("/");
        logIn(browser, Role.OPERATOR);
        assertThat(browser.path()).as("the operator's start page").isEqualTo("/operator");
        assertThat(browser.find("h1").getText()).isEqualTo("Drift");
        assertThat(browser.texts(".site-menu a")).containsExactly("Drift");
        assertThat(browser.find(".status-grid .ds-tag").getText()).isEqualTo("I drift");
        assertThat(browser.find(".behind").getText()).isEqualTo("0 hendelser ikke behandlet");
        long head = readModels.status().head();
        String position = NumberFormat.getIntegerInstance(Locale.forLanguageTag("nb")).format(head);
        assertThat(browser.find(".last-processed").getText())
                .isEqualTo("nr. " + position + " av " + position + " i lageret");
        assertThat(browser.find(".quarantined-count").getText()).isEqualTo("1 forløp");
        assertThat(browser.texts(".quarantine tbody tr")).hasSize(1);
        assertThat(browser.find(".quarantine tbody tr").getAttribute("data-pathway")).isEqualTo(poisoned);
        assertThat(browser.texts(".quarantine tbody td:nth-child(5)")).singleElement().asString().endsWith(" (P0001)");
        browser.page("operator");
    }

    @Test
    @Order(3)
    void a_retry_that_fails_again_keeps_the_pathway_aside_and_after_the_cure_releases_it() {
        browser.follow(".quarantine tbody tr form button");
        assertThat(browser.path()).isEqualTo("/operator");
        assertThat(browser.find(".notice").getText())
                .isEqualTo("Forløpet feilet igjen og er fortsatt satt til side.");
        assertThat(browser.texts(".quarantine tbody td:nth-child(4)")).containsExactly("2");
        browser.page("operator-retry-failed");

        owner.sql("DELETE FROM operator_it_poisoned").update();
        browser.follow(".quarantine tbody tr form button");
        assertThat(browser.find(".notice").getText())
                .isEqualTo("Forløpet ble vurdert og er ikke lenger satt til side.");
        assertThat(browser.all(".quarantine")).isEmpty();
        assertThat(browser.find(".quarantined-count").getText()).isEqualTo("0 forløp");
        assertThat(jdbc.sql("SELECT count(*) FROM gap WHERE pathway_id = ?").param(poisoned).query(Long.class)
                .single()).as("its gap reached the read model").isEqualTo(1);
        browser.page("operator-released");
    }

    @Test
    @Order(4)
    void a_rebuild_shows_its_progress_from_the_server_and_the_page_reloads_when_it_has_finished()
            throws SQLException {
        long pathways = jdbc.sql("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry")
                .query(Long.class).single();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE gap IN EXCLUSIVE MODE");
            }
            browser.follow(".rebuild button[type=submit]");
            assertThat(browser.find(".notice").getText()).isEqualTo("Gjenoppbyggingen er startet.");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> browser.find(
                    "#rebuild-progress-text").getText().equals("0 av " + pathways + " forløp vurdert (0 %)"));
            assertThat(browser.find("progress#rebuild-progress").getAttribute("value")).isEqualTo("0");
            assertThat(browser.find("progress#rebuild-progress").getAttribute("max")).isEqualTo("100");
            assertThat(browser.find(".status-grid .ds-tag").getText()).isEqualTo("Bygges på nytt");
            assertThat(browser.all(".rebuild button")).isEmpty();
            browser.page("operator-rebuilding");
            holder.rollback();
        }
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d ->
                d.findElements(By.cssSelector("progress")).isEmpty()
                        && !d.findElements(By.cssSelector(".rebuild button[type=submit]")).isEmpty());
        assertThat(browser.all(".notice")).as("a new page, loaded by the script").isEmpty();
        assertThat(browser.find(".status-grid .ds-tag").getText()).isEqualTo("I drift");
        browser.look("operator-rebuilt");
    }

    @Test
    @Order(5)
    void in_english_and_an_operator_opens_none_of_the_other_pages() throws Exception {
        browser.follow("a[hreflang=en]");
        assertThat(browser.find("h1").getText()).isEqualTo("Operations");
        assertThat(browser.find(".behind").getText()).isEqualTo("0 events not yet processed");
        browser.page("operator-english");
        browser.follow("a[hreflang=nb]");

        for (String path : List.of("/worklist", "/indicators", "/audit", "/find")) {
            browser.open(path);
            assertThat(browser.find("h1").getText()).as(path).isEqualTo("Ingen tilgang");
        }
        String session = browser.cookies().get("JSESSIONID").getValue();
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(base() + "/operator/rebuild"))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(readModels.status().rebuild()).as("no rebuild started").isNull();

        HttpResponse<String> progress = http.send(HttpRequest.newBuilder(URI.create(base()
                + "/operator/rebuild-progress")).header("Cookie", "JSESSIONID=" + session).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(progress.statusCode()).isEqualTo(200);
        assertThat(progress.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(Api.JSON.readTree(progress.body()).get("running").booleanValue()).isFalse();
    }
}
