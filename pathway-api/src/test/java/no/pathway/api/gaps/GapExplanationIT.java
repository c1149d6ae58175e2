package no.pathway.api.gaps;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import no.pathway.api.support.TestMunicipalities;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every gap explains itself wherever the API shows it: what triggered it (event and type), what would satisfy it
 * (in words and as event types, settings and window), what satisfied or excluded it, and the rule version.
 * One person: an overdose followed up by an appointment (closed), a second overdose after that appointment, then
 * death (not applicable).
 */
class GapExplanationIT extends ApiIT {
    private final String municipality = TestMunicipalities.next();

    private Map<String, Object> post(Map<String, Object> event) {
        Api.Response response = api.post("/api/v1/events", event);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        Map<String, Object> posted = new HashMap<>(event);
        posted.put("pathwayId", response.json().get("pathwayId").stringValue());
        return posted;
    }

    private static Map<String, JsonNode> byTrigger(JsonNode gaps) {
        Map<String, JsonNode> found = new HashMap<>();
        for (JsonNode gap : gaps) {
            found.put(gap.get("triggeredBy").stringValue(), gap);
        }
        return found;
    }

    @Test
    void a_closed_and_an_excluded_gap_say_what_triggered_them_what_was_expected_and_what_settled_them() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String person = TestPersons.next();
        Instant first = now.minus(Duration.ofHours(10));
        Map<String, Object> overdose = post(event("OVERDOSE_RECORDED", person, first.toString(), "fatal", false,
                "municipality", municipality));
        String pathway = (String) overdose.get("pathwayId");
        Map<String, Object> booking = post(event("APPOINTMENT_BOOKED", person, now.minus(Duration.ofHours(9)).toString(),
                "appointmentId", "a-1", "setting", "MUNICIPALITY", "scheduledAt", now.minus(Duration.ofHours(8))
                        .toString()));
        Map<String, Object> second = post(event("OVERDOSE_RECORDED", person, now.minus(Duration.ofHours(5))
                .toString(), "fatal", false));
        Map<String, Object> death = post(event("PERSON_DIED", person, now.minus(Duration.ofHours(1)).toString()));

        Map<String, JsonNode> asOf = byTrigger(api.get("/api/v1/pathways/" + pathway + "/gaps").json().get("gaps"));
        JsonNode closed = asOf.get((String) overdose.get("eventId")).get("explanation");
        assertThat(closed.get("ruleNumber").intValue()).isEqualTo(10);
        assertThat(closed.get("ruleVersion").stringValue()).isEqualTo("2026.1");
        assertThat(closed.get("deadline").stringValue()).isEqualTo("PT48H");
        assertThat(closed.get("trigger").get("eventId").stringValue()).isEqualTo(overdose.get("eventId"));
        assertThat(closed.get("trigger").get("eventType").stringValue()).isEqualTo("OVERDOSE_RECORDED");
        assertThat(closed.get("expected").get("words").stringValue()).contains("live appointment");
        assertThat(closed.get("expected").get("eventTypes").toString())
                .isEqualTo("[\"APPOINTMENT_BOOKED\",\"EPISODE_STARTED\"]");
        assertThat(closed.get("expected").get("settings").toString()).contains("MUNICIPALITY");
        assertThat(closed.get("expected").get("windowFrom").stringValue()).isEqualTo(first.toString());
        assertThat(closed.get("expected").get("windowTo").stringValue())
                .isEqualTo(first.plus(Duration.ofHours(48)).toString());
        assertThat(closed.get("satisfiedBy").stringValue()).isEqualTo(booking.get("eventId"));
        assertThat(closed.has("excludedBy")).isFalse();
        assertThat(closed.get("summary").stringValue()).contains("Satisfied by event " + booking.get("eventId"));

        JsonNode excluded = asOf.get((String) second.get("eventId")).get("explanation");
        assertThat(excluded.get("excludedBy").stringValue()).isEqualTo(death.get("eventId"));
        assertThat(excluded.has("satisfiedBy")).isFalse();
        assertThat(excluded.get("summary").stringValue()).contains("the person died");

        awaitReadModels();
        Map<String, JsonNode> stored = byTrigger(api.get("/api/v1/gaps?municipality=" + municipality
                + "&status=CLOSED,NOT_APPLICABLE&limit=500")
                .json().get("items"));
        assertThat(stored.get((String) overdose.get("eventId")).get("explanation"))
                .as("the read model explains the same").isEqualTo(closed);
        assertThat(stored.get((String) second.get("eventId")).get("explanation").get("excludedBy").stringValue())
                .isEqualTo(death.get("eventId"));

        JsonNode timeline = api.get("/api/v1/pathways/" + pathway + "/gaps/timeline").json();
        Map<String, JsonNode> entries = new HashMap<>();
        for (JsonNode entry : timeline) {
            entries.put(entry.get("triggeredBy").stringValue(), entry);
        }
        assertThat(entries.get((String) second.get("eventId")).get("explanation").get("excludedBy").stringValue())
                .isEqualTo(death.get("eventId"));
    }

    @Test
    void the_audit_export_explains_each_gap_of_its_timeline_as_the_timeline_does() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String person = TestPersons.next();
        Map<String, Object> overdose = post(event("OVERDOSE_RECORDED", person, now.minus(Duration.ofHours(10))
                .toString(), "fatal", false, "municipality", municipality));
        String pathway = (String) overdose.get("pathwayId");
        post(event("PERSON_DIED", person, now.minus(Duration.ofHours(1)).toString()));

        JsonNode exported = api.get("/api/v1/pathways/" + pathway + "/export").json().get("gapTimeline");
        JsonNode timeline = api.get("/api/v1/pathways/" + pathway + "/gaps/timeline").json();

        JsonNode explanation = byTrigger(exported).get((String) overdose.get("eventId")).get("explanation");
        assertThat(explanation.get("ruleNumber").intValue()).isEqualTo(10);
        assertThat(explanation.get("trigger").get("eventId").stringValue()).isEqualTo(overdose.get("eventId"));
        assertThat(explanation.get("summary").stringValue()).contains("the person died");
        assertThat(exported).as("the export's gap timeline is the API's").isEqualTo(timeline);
    }
}
