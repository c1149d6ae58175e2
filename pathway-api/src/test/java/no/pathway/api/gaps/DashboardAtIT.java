package no.pathway.api.gaps;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.security.Role;
import no.pathway.api.support.TestMunicipalities;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "What a municipality's dashboard showed at T", computed from the event store with {@code at = knownAt = T}: the
 * status a gap had at T, and only what had been recorded by T. The clock is frozen, so each event's recorded time is
 * chosen: a late-recorded, backdated closure and a late-recorded discharge are not seen at a T before they came in.
 */
class DashboardAtIT extends ApiIT {
    /** Municipalities of this test alone. */
    private final String municipality = TestMunicipalities.next();
    private final String elsewhere = TestMunicipalities.next();
    private final Map<String, String> persons = new HashMap<>();

    private String post(Map<String, Object> event) {
        Api.Response response = api.post("/api/v1/events", event);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        String pathwayId = response.json().get("pathwayId").stringValue();
        persons.put(pathwayId, (String) event.get("personId"));
        return pathwayId;
    }

    private JsonNode dashboard(Instant t, String extra) {
        Api.Response response = auditor().get(DashboardAtController.PATH + "?municipality=" + municipality + "&at="
                + t + extra);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private Api auditor;

    /** Tokens are minted on the real clock, before a test freezes it in the past. */
    @BeforeEach
    void auditorToken() {
        auditor = api.as(token("auditor-app", Set.of(Role.AUDITOR), Set.of()));
    }

    private Api auditor() {
        return auditor;
    }

    private static List<String> statuses(JsonNode answer, String pathwayId) {
        List<String> found = new ArrayList<>();
        answer.get("gaps").forEach(g -> {
            if (g.get("pathwayId").stringValue().equals(pathwayId)) {
                found.add(g.get("rule").stringValue() + " " + g.get("status").stringValue());
            }
        });
        return found;
    }

    @Test
    void the_dashboard_at_t_shows_the_status_then_from_what_was_recorded_by_then() {
        Instant base = Instant.parse("2026-03-10T08:00:00Z");
        clock.freezeAt(base);
        String first = post(event("EPISODE_ENDED", TestPersons.next(), base.minus(Duration.ofHours(2)).toString(),
                "municipality", municipality, "episodeId", "avr-1", "setting", "DETOX", "endReason", "TRANSFERRED"));
        String other = post(event("EPISODE_ENDED", TestPersons.next(), base.minus(Duration.ofHours(2)).toString(),
                "municipality", elsewhere, "episodeId", "avr-1", "setting", "DETOX", "endReason", "TRANSFERRED"));
        // thirty hours on: a treatment start ten hours after the discharge, recorded only now, closes the first gap
        // on time; and a discharge of an hour before the first, recorded only now too
        clock.freezeAt(base.plus(Duration.ofHours(30)));
        post(event("EPISODE_STARTED", personOf(first), base.plus(Duration.ofHours(10)).toString(),
                "episodeId", "pol-1", "setting", "OUTPATIENT"));
        String late = post(event("EPISODE_ENDED", TestPersons.next(), base.minus(Duration.ofHours(1)).toString(),
                "municipality", municipality, "episodeId", "avr-1", "setting", "DETOX", "endReason", "TRANSFERRED"));

        Instant t1 = base.plus(Duration.ofHours(1));
        JsonNode atT1 = dashboard(t1, "");
        assertThat(atT1.get("at").stringValue()).isEqualTo(t1.toString());
        assertThat(atT1.get("knownAt").stringValue()).isEqualTo(t1.toString());
        assertThat(statuses(atT1, first)).containsExactly("DETOX_NO_TREATMENT_24H PROSPECTIVE");
        assertThat(statuses(atT1, late)).as("recorded after T1").isEmpty();
        assertThat(statuses(atT1, other)).as("another municipality's").isEmpty();
        assertThat(atT1.get("pathwaysJudged").intValue()).isEqualTo(1);
        assertThat(atT1.get("counts").get("PROSPECTIVE").longValue()).isEqualTo(1);

        Instant t2 = base.plus(Duration.ofHours(25));
        JsonNode atT2 = dashboard(t2, "");
        assertThat(statuses(atT2, first)).as("overdue then: the start was not known yet")
                .containsExactly("DETOX_NO_TREATMENT_24H OPEN");
        assertThat(statuses(atT2, late)).as("still recorded after T2").isEmpty();
        assertThat(atT2.get("counts").get("OPEN").longValue()).isEqualTo(1);
        assertThat(atT2.get("gaps").get(0).get("gapId").stringValue())
                .isEqualTo(auditor().get("/api/v1/pathways/" + first + "/gaps?at=" + t2 + "&knownAt=" + t2).json()
                        .get("gaps").get(0).get("gapId").stringValue());

        Instant t3 = base.plus(Duration.ofHours(31));
        JsonNode atT3 = dashboard(t3, "");
        assertThat(statuses(atT3, first)).as("closed on time, so off the list").isEmpty();
        assertThat(statuses(atT3, late)).containsExactly("DETOX_NO_TREATMENT_24H OPEN");
        assertThat(atT3.get("counts").get("CLOSED_ON_TIME").longValue()).isEqualTo(1);
        assertThat(atT3.get("counts").get("OPEN").longValue()).isEqualTo(1);
        assertThat(atT3.get("pathwaysJudged").intValue()).isEqualTo(2);
        assertThat(statuses(dashboard(t3, "&status=CLOSED"), first))
                .containsExactly("DETOX_NO_TREATMENT_24H CLOSED");

        // the same moment as today's knowledge sees it: the late start closes the gap, so at T2 it was on time
        JsonNode today = auditor().get("/api/v1/pathways/" + first + "/gaps?at=" + t2).json().get("gaps");
        assertThat(today.get(0).get("status").stringValue()).isEqualTo("CLOSED");
    }

    @Test
    void the_read_is_in_the_access_log_with_the_pathways_shown() {
        Instant base = Instant.parse("2026-03-12T08:00:00Z");
        clock.freezeAt(base);
        String pathway = post(event("EPISODE_ENDED", TestPersons.next(), base.minus(Duration.ofHours(2)).toString(),
                "municipality", municipality, "episodeId", "avr-1", "setting", "DETOX", "endReason", "TRANSFERRED"));
        dashboard(base, "");
        Map<String, Object> entry = jdbc.sql("SELECT call, subject, array_to_string(pathway_ids, ',') AS ids "
                + "FROM access_log ORDER BY id DESC LIMIT 1").query().singleRow();
        assertThat(entry).containsEntry("call", "GET " + DashboardAtController.PATH);
        assertThat((String) entry.get("ids")).contains(pathway);
    }

    @Test
    void a_long_dashboard_comes_a_page_at_a_time_with_the_counts_of_all_and_each_page_logs_its_own_pathways() {
        Instant base = Instant.parse("2026-03-16T08:00:00Z");
        clock.freezeAt(base);
        for (int i = 0; i < 7; i++) {
            post(event("EPISODE_ENDED", TestPersons.next(), base.minus(Duration.ofMinutes(120 + i)).toString(),
                    "municipality", municipality, "episodeId", "avr-1", "setting", "DETOX", "endReason",
                    "TRANSFERRED"));
        }
        List<String> whole = new ArrayList<>();
        dashboard(base, "&limit=5000").get("gaps").forEach(g -> whole.add(g.get("gapId").stringValue()));
        assertThat(whole).hasSize(7);

        List<String> paged = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = dashboard(base, "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.get("counts").get("PROSPECTIVE").longValue()).as("the counts are of all").isEqualTo(7);
            page.get("gaps").forEach(g -> paged.add(g.get("gapId").stringValue()));
            pageSizes.add(page.get("gaps").size());
            String logged = jdbc.sql("SELECT array_to_string(pathway_ids, ',') FROM access_log ORDER BY id DESC "
                    + "LIMIT 1").query(String.class).single();
            assertThat(logged.split(",")).as("the pathways of this page").hasSize(page.get("gaps").size());
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").stringValue();
        } while (cursor != null);
        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(paged).as("the same gaps in the same order").isEqualTo(whole);

        for (String bad : List.of("&limit=0", "&limit=5001", "&limit=many", "&cursor=not-a-cursor")) {
            Api.Response refused = auditor().get(DashboardAtController.PATH + "?municipality=" + municipality
                    + "&at=" + base + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.text()).as(bad).contains(bad.contains("limit") ? "\"limit\"" : "\"cursor\"")
                    .doesNotContain("many", "not-a-cursor");
        }
    }

    @Test
    void only_auditors_may_ask_and_the_question_must_be_whole() {
        String path = DashboardAtController.PATH + "?municipality=0301&at=2026-03-02T08:00:00Z";
        assertThat(api.as(token("c", Set.of(Role.COORDINATOR), Set.of("0301"))).get(path).status()).isEqualTo(403);
        assertThat(api.as(token("o", Set.of(Role.OPERATOR), Set.of())).get(path).status()).isEqualTo(403);
        assertThat(api.as(null).get(path).status()).isEqualTo(401);

        Api.Response missing = auditor().get(DashboardAtController.PATH);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).contains("\"municipality\"", "\"at\"");
        Api.Response two = auditor().get(DashboardAtController.PATH + "?municipality=0301,4601&at=yesterday");
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.text()).contains("\"municipality\"", "\"at\"");
        Api.Response knownAt = auditor().get(path + "&knownAt=2026-03-02T08:00:00Z");
        assertThat(knownAt.status()).as("knownAt is T itself").isEqualTo(400);
        assertThat(knownAt.text()).contains("\"knownAt\"");
    }

    /** The migration's backfill finds the same rows from the stored events as the append wrote. */
    @Test
    void the_backfill_of_events_stored_before_the_index_gives_the_same_rows() throws IOException {
        Instant base = Instant.parse("2026-03-14T08:00:00Z");
        clock.freezeAt(base);
        String pathway = post(event("EPISODE_ENDED", TestPersons.next(), base.minus(Duration.ofHours(2)).toString(),
                "municipality", municipality, "episodeId", "avr-1", "setting", "DETOX", "endReason", "TRANSFERRED"));
        clock.freezeAt(base.plus(Duration.ofHours(3)));
        post(event("HOUSING_RECORDED", personOf(pathway), base.toString(), "housing", "OWN",
                "municipality", elsewhere));
        String rows = "SELECT municipality || ' ' || first_recorded_at FROM pathway_municipality "
                + "WHERE pathway_id = ? ORDER BY municipality";
        List<String> written = owner.sql(rows).param(pathway).query(String.class).list();
        assertThat(written).hasSize(2);

        owner.sql("DELETE FROM pathway_municipality").update();
        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V12__pathway_municipality.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        owner.sql(migration.substring(migration.indexOf("INSERT INTO pathway_municipality"))).update();
        assertThat(owner.sql(rows).param(pathway).query(String.class).list()).isEqualTo(written);
    }

    private String personOf(String pathwayId) {
        return persons.get(pathwayId);
    }
}
