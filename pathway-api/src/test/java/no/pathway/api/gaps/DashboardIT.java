package no.pathway.api.gaps;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.pathway.api.support.TestMunicipalities;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DashboardIT extends ApiIT {
    /** A municipality of this test alone, so other tests' gaps do not interfere. */
    private final String municipality = TestMunicipalities.next();

    private String post(Map<String, Object> event) {
        Api.Response response = api.post("/api/v1/events", event);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("pathwayId").stringValue();
    }

    private JsonNode items(String query) {
        Api.Response response = api.get("/api/v1/gaps?municipality=" + municipality + "&" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("items");
    }

    @Test
    void a_gap_turns_open_on_the_clock_alone() {
        Instant discharge = clock.instant().minus(Duration.ofHours(24)).plus(Duration.ofMinutes(2));
        post(event("EPISODE_ENDED", TestPersons.next(), discharge.toString(), "municipality", municipality,
                "episodeId", "avr-1", "setting", "DETOX", "endReason", "COMPLETED"));
        awaitReadModels();
        long events = storedEvents();

        JsonNode before = items("rule=DETOX_NO_TREATMENT_24H");
        assertThat(before).hasSize(1);
        assertThat(before.get(0).get("status").stringValue()).isEqualTo("PROSPECTIVE");

        clock.advance(Duration.ofMinutes(3));

        JsonNode after = items("rule=DETOX_NO_TREATMENT_24H");
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("status").stringValue()).isEqualTo("OPEN");
        assertThat(after.get(0).get("gapId")).isEqualTo(before.get(0).get("gapId"));
        assertThat(storedEvents()).as("no event was needed").isEqualTo(events);
    }

    @Test
    void the_dashboard_lists_the_most_urgent_first_and_pages_with_a_cursor() {
        Instant base = clock.instant().minus(Duration.ofHours(40));
        for (int i = 0; i < 7; i++) {
            post(event("OVERDOSE_RECORDED", TestPersons.next(), base.plus(Duration.ofHours(6 - i)).toString(),
                    "municipality", municipality, "fatal", false));
        }
        awaitReadModels();

        List<String> dueTimes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = api.get("/api/v1/gaps?municipality=" + municipality + "&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.json().get("items").forEach(g -> {
                dueTimes.add(g.get("dueAt").stringValue());
                ids.add(g.get("gapId").stringValue());
            });
            JsonNode next = page.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.stringValue();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(7).doesNotHaveDuplicates();
        assertThat(dueTimes).isSortedAccordingTo((a, b) -> Instant.parse(a).compareTo(Instant.parse(b)));
    }

    @Test
    void the_dashboard_filters_by_status_rule_and_due_time() {
        Instant t = clock.instant().minus(Duration.ofHours(30)).truncatedTo(ChronoUnit.MICROS);
        String person = TestPersons.next();
        post(event("HOUSING_RECORDED", person, t.minus(Duration.ofHours(5)).toString(), "housing", "OWN",
                "municipality", municipality));
        post(event("EPISODE_ENDED", person, t.toString(), "episodeId", "avr-1", "setting", "DETOX",
                "endReason", "COMPLETED"));
        post(event("OVERDOSE_RECORDED", TestPersons.next(), clock.instant().minus(Duration.ofHours(1)).toString(),
                "municipality", municipality, "fatal", false));
        awaitReadModels();

        assertThat(items("").findValuesAsString("rule")).containsExactlyInAnyOrder(
                "DETOX_NO_TREATMENT_24H", "DISCHARGE_WITHOUT_HANDOVER", "OVERDOSE_NO_FOLLOW_UP_48H");
        assertThat(items("status=OPEN").findValuesAsString("rule")).containsExactlyInAnyOrder(
                "DETOX_NO_TREATMENT_24H", "DISCHARGE_WITHOUT_HANDOVER");
        assertThat(items("status=PROSPECTIVE").findValuesAsString("rule"))
                .containsExactly("OVERDOSE_NO_FOLLOW_UP_48H");
        assertThat(items("status=CLOSED").findValuesAsString("rule")).containsExactly("DISCHARGE_WITHOUT_HOUSING");
        assertThat(items("status=CLOSED,OPEN,PROSPECTIVE,NOT_APPLICABLE&rule=DISCHARGE_WITHOUT_HOUSING,"
                + "OVERDOSE_NO_FOLLOW_UP_48H")).hasSize(2);
        assertThat(items("dueBefore=" + clock.instant().truncatedTo(ChronoUnit.SECONDS))).hasSize(2);
        JsonNode closed = items("status=CLOSED").get(0);
        assertThat(closed.get("late").booleanValue()).isFalse();
        assertThat(closed.get("closedAt").stringValue()).isEqualTo(t.toString());
    }

    @Test
    void summary_and_indicators_count_per_group() {
        Instant march = Instant.parse("2026-03-10T10:00:00Z");
        for (int i = 0; i < 4; i++) {
            String person = TestPersons.next();
            Instant end = march.plus(Duration.ofDays(i));
            post(event("EPISODE_ENDED", person, end.toString(), "municipality", municipality,
                    "episodeId", "avr", "setting", "DETOX", "endReason", "TRANSFERRED"));
            if (i < 3) {
                post(event("APPOINTMENT_BOOKED", person, end.minus(Duration.ofHours(1)).toString(),
                        "appointmentId", "a", "setting", "OUTPATIENT", "scheduledAt",
                        end.plus(Duration.ofHours(i == 2 ? 30 : 5)).toString()));
            }
        }
        awaitReadModels();

        JsonNode summary = api.get("/api/v1/gaps/summary?groupBy=municipality&municipality=" + municipality).json();
        assertThat(summary.get("groups")).hasSize(1);
        JsonNode group = summary.get("groups").get(0);
        assertThat(group.get("group").stringValue()).isEqualTo(municipality);
        assertThat(group.get("closedOnTime").longValue()).isEqualTo(2);
        assertThat(group.get("open").longValue()).isEqualTo(2);

        JsonNode indicators = api.get("/api/v1/indicators?from=2026-03-01&to=2026-04-01&groupBy=municipality"
                + "&municipality=" + municipality).json().get("indicators");
        assertThat(indicators).hasSize(1);
        JsonNode detox = indicators.get(0);
        assertThat(detox.get("rule").stringValue()).isEqualTo("DETOX_NO_TREATMENT_24H");
        assertThat(detox.get("group").stringValue()).isEqualTo(municipality);
        assertThat(detox.get("period").stringValue()).isEqualTo("2026-03");
        assertThat(detox.get("applicable").longValue()).isEqualTo(4);
        assertThat(detox.get("closedOnTime").longValue()).isEqualTo(2);
        assertThat(detox.get("complianceRate").doubleValue()).isEqualTo(0.5);
    }

    @Test
    void the_pathway_summary_shows_where_the_person_stands() {
        String person = TestPersons.next();
        Instant t = clock.instant().minus(Duration.ofDays(3));
        String pathwayId = post(event("EPISODE_STARTED", person, t.toString(), "municipality", municipality,
                "episodeId", "res-1", "setting", "RESIDENTIAL", "provider", "974706490"));
        post(event("HOUSING_RECORDED", person, t.plus(Duration.ofHours(1)).toString(), "housing", "TEMPORARY"));
        post(event("CONTACT_ASSIGNED", person, t.plus(Duration.ofHours(2)).toString(), "setting", "MUNICIPALITY",
                "role", "COORDINATOR"));
        awaitReadModels();

        JsonNode summary = api.get("/api/v1/pathways/" + pathwayId).json();
        assertThat(summary.get("municipality").stringValue()).isEqualTo(municipality);
        assertThat(summary.get("activeEpisodes").get(0).get("setting").stringValue()).isEqualTo("RESIDENTIAL");
        assertThat(summary.get("latestHousing").get("housing").stringValue()).isEqualTo("TEMPORARY");
        assertThat(summary.get("contacts").get(0).get("role").stringValue()).isEqualTo("COORDINATOR");
        assertThat(summary.get("openGaps").longValue()).isZero();
        assertThat(summary.get("eventCount").intValue()).isEqualTo(3);
        assertThat(api.get("/api/v1/pathways/" + "B".repeat(43)).status()).isEqualTo(404);
    }

    @Test
    void bad_query_parameters_are_named() {
        Api.Response gaps = api.get("/api/v1/gaps?status=LATE&rule=NOPE&limit=501&dueBefore=tomorrow");
        assertThat(gaps.status()).isEqualTo(400);
        assertThat(gaps.json().findValuesAsString("field")).containsExactlyInAnyOrder("status", "rule", "limit",
                "dueBefore");
        String pathwayId = post(event("PERSON_DIED", TestPersons.next(), clock.instant().toString()));
        Api.Response asOf = api.get("/api/v1/pathways/" + pathwayId + "/gaps?at=yesterday&knownAt=2026-03-02");
        assertThat(asOf.status()).isEqualTo(400);
        assertThat(asOf.json().findValuesAsString("field")).containsExactlyInAnyOrder("at", "knownAt");
        assertThat(api.get("/api/v1/indicators?groupBy=provider&period=week").json().findValuesAsString("field"))
                .containsExactlyInAnyOrder("groupBy", "period");
    }

    @Test
    void the_as_of_query_shows_what_was_known_then() {
        String person = TestPersons.next();
        Instant end = clock.instant().minus(Duration.ofHours(30));
        String pathwayId = post(event("EPISODE_ENDED", person, end.toString(), "episodeId", "avr-1",
                "setting", "DETOX", "endReason", "COMPLETED"));
        Instant beforeBooking = clock.instant();
        await().until(() -> clock.instant().isAfter(beforeBooking));
        post(event("APPOINTMENT_BOOKED", person, end.minus(Duration.ofHours(2)).toString(), "appointmentId", "a",
                "setting", "OUTPATIENT", "scheduledAt", end.plus(Duration.ofHours(3)).toString()));

        String rule = "DETOX_NO_TREATMENT_24H";
        JsonNode then = api.get("/api/v1/pathways/" + pathwayId + "/gaps?knownAt=" + beforeBooking).json();
        JsonNode now = api.get("/api/v1/pathways/" + pathwayId + "/gaps").json();
        assertThat(status(then, rule)).isEqualTo("OPEN");
        assertThat(status(now, rule)).isEqualTo("CLOSED");
    }

    private static String status(JsonNode answer, String rule) {
        for (JsonNode g : answer.get("gaps")) {
            if (g.get("rule").stringValue().equals(rule)) {
                return g.get("status").stringValue();
            }
        }
        return null;
    }
}
