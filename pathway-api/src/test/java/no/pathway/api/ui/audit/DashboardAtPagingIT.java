package no.pathway.api.ui.audit;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.admin.ReadModels;
import no.pathway.api.security.Role;
import no.pathway.api.support.Api;
import no.pathway.api.support.Browser;
import no.pathway.api.support.TestMunicipalities;
import no.pathway.api.support.TestPersons;
import no.pathway.api.support.WebIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The auditor's dashboard at T of a municipality with more unresolved gaps than a page holds: a hundred rows a page
 * in the order of the whole list, the counts of all of them, links to the pages before and after, and the access log
 * holding only the pathways of the rows shown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardAtPagingIT extends WebIT {
    private final String municipality = TestMunicipalities.next();

    @BeforeAll
    void start() {
        List<Map<String, Object>> overdoses = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            overdoses.add(event("OVERDOSE_RECORDED", TestPersons.next(), clock.instant().minus(Duration.ofHours(3))
                    .plus(Duration.ofSeconds(i)).toString(), "municipality", municipality, "fatal", false));
        }
        Api.Response posted = api(Set.of(Role.SOURCE), Set.of()).post("/api/v1/events/batch",
                Map.of("events", overdoses));
        assertThat(posted.status()).as(posted.text()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ReadModels.Status s = readModels.status();
            return s.behind() == 0 && !s.replaying();
        });
        browser = Browser.start(base(), getClass());
    }

    private int pathwaysInTheLastRead() {
        return jdbc.sql("SELECT cardinality(pathway_ids) FROM access_log WHERE call = 'GET /audit/dashboard' "
                + "ORDER BY id DESC LIMIT 1").query(Integer.class).single();
    }

    @Test
    @Order(1)
    void a_large_dashboard_at_t_comes_a_hundred_rows_a_page_and_only_the_rows_shown_are_logged() {
        String at = LocalDateTime.now(ZoneId.of("Europe/Oslo")).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1)
                .toString();
        browser.open("/audit/dashboard?municipality=" + municipality + "&at=" + at);
        logIn(browser, Role.AUDITOR);
        assertThat(browser.all(".dashboard-at tbody tr")).hasSize(100);
        assertThat(browser.find("#dashboard-range").getText()).isEqualTo("Viser 1–100 av 130.");
        assertThat(browser.texts(".counts li")).contains("Innen frist: 130");
        assertThat(browser.all("a[rel=prev]")).isEmpty();
        assertThat(pathwaysInTheLastRead()).isEqualTo(100);
        List<org.openqa.selenium.WebElement> due = browser.all(".dashboard-at tbody time");
        String lastOnFirstPage = due.get(due.size() - 1).getAttribute("datetime");
        browser.page("audit-dashboard-first-page");

        browser.follow("a[rel=next]");
        assertThat(browser.all(".dashboard-at tbody tr")).hasSize(30);
        assertThat(browser.find("#dashboard-range").getText()).isEqualTo("Viser 101–130 av 130.");
        assertThat(browser.all("a[rel=next]")).isEmpty();
        assertThat(pathwaysInTheLastRead()).isEqualTo(30);
        assertThat(browser.find(".dashboard-at tbody time").getAttribute("datetime"))
                .as("the second page goes on where the first ended").isGreaterThanOrEqualTo(lastOnFirstPage);
        browser.page("audit-dashboard-second-page");

        browser.follow("a[rel=prev]");
        assertThat(browser.find("#dashboard-range").getText()).isEqualTo("Viser 1–100 av 130.");
    }

    @Test
    @Order(2)
    void a_page_that_is_not_a_page_number_is_refused_and_nothing_is_logged() {
        long logged = jdbc.sql("SELECT count(*) FROM access_log").query(Long.class).single();
        for (String page : List.of("0", "-1", "x", "1e3", "99999999")) {
            browser.open("/audit/dashboard?municipality=" + municipality + "&at=2026-03-03T08:00&page=" + page);
            assertThat(browser.find("h1").getText()).as(page).isEqualTo("Noe var galt med forespørselen");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM access_log").query(Long.class).single()).isEqualTo(logged);
    }
}
