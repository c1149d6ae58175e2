package no.pathway.api.audit;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.security.Role;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

class AccountabilityIT extends ApiIT {
    private static final String OSLO = "0301";

    private String overdose(String person) {
        return api.post("/api/v1/events", event("OVERDOSE_RECORDED", person,
                clock.instant().minus(Duration.ofHours(2)).toString(), "fatal", false, "municipality", OSLO))
                .json().get("pathwayId").stringValue();
    }

    @Test
    void every_read_of_personal_data_lands_in_the_access_log_with_its_reader() {
        String person = TestPersons.next();
        String pathway = overdose(person);
        awaitReadModels();
        Api coordinator = api.as(token("oslo-kommune", Set.of(Role.COORDINATOR), Set.of(OSLO)));
        Api auditor = api.as(token("helsetilsynet", Set.of(Role.AUDITOR), Set.of()));

        coordinator.post("/api/v1/pathways/lookup", Api.JSON.writeValueAsString(Map.of("personId", person)),
                Map.of("X-Purpose", "follow-up after overdose"));
        coordinator.get("/api/v1/pathways/" + pathway);
        coordinator.get("/api/v1/pathways/" + pathway + "/gaps");
        coordinator.get("/api/v1/gaps?municipality=" + OSLO + "&limit=500");
        auditor.get("/api/v1/pathways/" + pathway + "/history");

        JsonNode log = auditor.get("/api/v1/pathways/" + pathway + "/access-log").json().get("entries");
        List<String> reads = new ArrayList<>();
        log.forEach(e -> reads.add(e.get("subject").stringValue() + " " + e.get("call").stringValue()));
        assertThat(reads).contains(
                "user-oslo-kommune POST /api/v1/pathways/lookup",
                "user-oslo-kommune GET /api/v1/pathways/{pathwayId}",
                "user-oslo-kommune GET /api/v1/pathways/{pathwayId}/gaps",
                "user-oslo-kommune GET /api/v1/gaps",
                "user-helsetilsynet GET /api/v1/pathways/{pathwayId}/history");
        JsonNode lookup = null;
        for (JsonNode e : log) {
            if (e.get("call").stringValue().equals("POST /api/v1/pathways/lookup")) {
                lookup = e;
            }
        }
        assertThat(lookup.get("purpose").stringValue()).isEqualTo("follow-up after overdose");
        assertThat(lookup.get("client").stringValue()).isEqualTo("oslo-kommune");
        assertThat(lookup.get("roles").stringValue()).isEqualTo("COORDINATOR");
        assertThat(log.toString()).doesNotContain(person);

        // the patient's right: by number in the body; and per person who looked
        JsonNode byPerson = auditor.post("/api/v1/audit/access-log/by-person", Map.of("personId", person)).json();
        assertThat(byPerson.get("entries").size()).isGreaterThanOrEqualTo(5);
        JsonNode bySubject = auditor.get("/api/v1/audit/access-log?subject=user-oslo-kommune").json();
        assertThat(bySubject.get("entries").findValuesAsString("call")).contains("GET /api/v1/pathways/{pathwayId}");
    }

    @Test
    void the_access_log_is_append_only_and_purposes_are_checked() {
        overdose(TestPersons.next());
        assertThatThrownBy(() -> owner.sql("UPDATE access_log SET subject = 'nobody'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.sql("DELETE FROM access_log").update()).hasMessageContaining("append-only");
        Api.Response bad = api.call("GET", "/api/v1/gaps", null, Map.of("X-Purpose", "checking 02828404892"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").stringValue()).isEqualTo("X-Purpose");
    }

    @Test
    void an_acknowledgement_shows_on_the_gap_the_dashboard_and_the_history_and_survives_a_replay() {
        String pathway = overdose(TestPersons.next());
        awaitReadModels();
        Api coordinator = api.as(token("oslo-kommune", Set.of(Role.COORDINATOR), Set.of(OSLO)));
        String gapId = api.get("/api/v1/pathways/" + pathway + "/gaps").json().get("gaps").get(0)
                .get("gapId").stringValue();

        Api.Response ack = coordinator.post("/api/v1/gaps/" + gapId + "/acknowledge",
                Map.of("note", "called the outpatient clinic; appointment Friday"));
        assertThat(ack.status()).as(ack.text()).isEqualTo(201);
        awaitReadModels();

        assertThat(acknowledgement(api.get("/api/v1/pathways/" + pathway + "/gaps").json().get("gaps"), gapId))
                .isEqualTo("called the outpatient clinic; appointment Friday");
        assertThat(acknowledgement(coordinator.get("/api/v1/gaps?limit=500").json().get("items"), gapId))
                .isEqualTo("called the outpatient clinic; appointment Friday");
        JsonNode history = api.get("/api/v1/pathways/" + pathway + "/history").json().get("events");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("type").stringValue()).isEqualTo("GAP_ACKNOWLEDGED");
        assertThat(last.get("source").stringValue()).isEqualTo("oslo-kommune");
        assertThat(last.get("data").get("acknowledgedBy").stringValue()).isEqualTo("user-oslo-kommune");

        assertThat(api.post("/api/v1/admin/read-models/rebuild", "{}", Map.of()).status()).isEqualTo(202);
        awaitReadModels();
        assertThat(acknowledgement(coordinator.get("/api/v1/gaps?limit=500").json().get("items"), gapId))
                .isEqualTo("called the outpatient clinic; appointment Friday");

        // other municipalities' gaps cannot be acknowledged, and sources cannot post acknowledgements
        Api bergen = api.as(token("bergen", Set.of(Role.COORDINATOR), Set.of("4601")));
        assertThat(bergen.post("/api/v1/gaps/" + gapId + "/acknowledge", Map.of("note", "x")).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/events", event("GAP_ACKNOWLEDGED", TestPersons.next(),
                "2026-03-02T08:00:00Z", "gapId", gapId)).status()).isEqualTo(400);
    }

    private static String acknowledgement(JsonNode gaps, String gapId) {
        for (JsonNode g : gaps) {
            if (g.get("gapId").stringValue().equals(gapId)) {
                return g.has("acknowledgement") ? g.get("acknowledgement").get("note").stringValue() : null;
            }
        }
        return "gap not listed";
    }

    @Test
    void the_gap_timeline_of_a_scenario_is_right_at_every_step() throws Exception {
        JsonNode scenario;
        try (InputStream in = new ClassPathResource("scenarios/residential-discharge-homeless.json").getInputStream()) {
            scenario = Api.JSON.readTree(in);
        }
        // each fact is recorded one minute after it occurred, as a prompt source system would
        String personId = TestPersons.next();
        String pathway = null;
        for (JsonNode e : scenario.get("events")) {
            Map<String, Object> body = Api.JSON.convertValue(e, new TypeReference<Map<String, Object>>() { });
            body.put("personId", personId);
            body.put("eventId", e.get("eventId").stringValue() + "-" + Integer.toHexString(personId.hashCode()));
            clock.set(Instant.parse(e.get("occurredAt").stringValue()).plus(Duration.ofMinutes(1)));
            pathway = api.post("/api/v1/events", body).json().get("pathwayId").stringValue();
        }
        clock.reset();

        JsonNode timeline = api.get("/api/v1/pathways/" + pathway + "/gaps/timeline").json();
        Map<String, List<String>> steps = new java.util.TreeMap<>();
        for (JsonNode gap : timeline) {
            List<String> changes = new ArrayList<>();
            gap.get("changes").forEach(c -> changes.add(Instant.parse(c.get("at").stringValue())
                    .truncatedTo(java.time.temporal.ChronoUnit.MINUTES) + " " + c.get("status").stringValue()
                    + " " + c.get("cause").stringValue()
                    + (c.has("eventType") ? " " + c.get("eventType").stringValue() : "")));
            steps.put(gap.get("rule").stringValue(), changes);
        }
        assertThat(steps).containsEntry("DISCHARGE_WITHOUT_HOUSING", List.of(
                "2026-03-02T08:01:00Z OPEN EVENT EPISODE_ENDED",
                "2026-03-05T08:01:00Z CLOSED EVENT HOUSING_RECORDED"));
        assertThat(steps).containsEntry("NO_ACTIVITY_14D", List.of(
                "2026-03-02T08:01:00Z PROSPECTIVE EVENT EPISODE_ENDED",
                "2026-03-16T08:00:00Z OPEN DEADLINE_PASSED"));
        assertThat(steps).containsEntry("ADMISSION_MUNICIPALITY_NOT_NOTIFIED", List.of(
                "2026-01-31T08:01:00Z PROSPECTIVE EVENT EPISODE_STARTED",
                "2026-01-31T09:01:00Z CLOSED EVENT HANDOVER_SENT"));
        assertThat(steps).containsEntry("HANDOVER_NOT_ACCEPTED_48H", List.of(
                "2026-01-31T09:01:00Z PROSPECTIVE EVENT HANDOVER_SENT",
                "2026-02-01T04:01:00Z CLOSED EVENT HANDOVER_ACCEPTED"));
        assertThat(steps).containsEntry("NO_MUNICIPAL_CONTACT_AT_DISCHARGE", List.of(
                "2026-03-02T08:01:00Z CLOSED EVENT EPISODE_ENDED"));
        assertThat(steps).containsEntry("DISCHARGE_WITHOUT_HANDOVER", List.of(
                "2026-03-02T08:01:00Z CLOSED EVENT EPISODE_ENDED"));
        // and what the dashboard showed at a moment is the as-of evaluation at that moment
        JsonNode then = api.get("/api/v1/pathways/" + pathway + "/gaps?at=2026-03-04T00:00:00Z"
                + "&knownAt=2026-03-04T00:00:00Z").json().get("gaps");
        assertThat(then.findValuesAsString("status")).contains("OPEN");
    }

    @Test
    void altering_one_stored_byte_breaks_verification_at_exactly_that_event() {
        String person = TestPersons.next();
        String pathway = overdose(person);
        for (int i = 0; i < 4; i++) {
            api.post("/api/v1/events", event("HOUSING_RECORDED", person, "2026-03-0" + (2 + i) + "T08:00:00Z",
                    "housing", "OWN"));
        }
        String untouched = overdose(TestPersons.next());
        assertThat(api.get("/api/v1/pathways/" + pathway + "/verify").json().get("intact").booleanValue()).isTrue();

        Instant before = Instant.now();
        owner.sql("UPDATE domain_event_entry SET payload = overlay(payload placing '\\x4e'::bytea from 40 for 1) "
                + "WHERE aggregate_identifier = ? AND sequence_number = 2").param(pathway).update();

        JsonNode verification = api.get("/api/v1/pathways/" + pathway + "/verify").json();
        assertThat(verification.get("intact").booleanValue()).isFalse();
        assertThat(verification.get("firstBrokenSequence").longValue()).isEqualTo(2);
        assertThat(api.get("/api/v1/pathways/" + untouched + "/verify").json().get("intact").booleanValue())
                .isTrue();
        assertThat(before).isNotNull();
    }

    @Test
    void an_export_verifies_offline_by_the_documented_recipe() throws Exception {
        String person = TestPersons.next();
        String pathway = overdose(person);
        api.post("/api/v1/events", event("HOUSING_RECORDED", person, "2026-03-02T08:00:00Z", "housing", "OWN"));
        JsonNode export = api.get("/api/v1/pathways/" + pathway + "/export").json();

        String previous = export.get("genesis").stringValue();
        for (JsonNode e : export.get("events")) {
            String text = String.join("\n", previous, pathway, e.get("sequence").asString(),
                    e.get("eventIdentifier").stringValue(), e.get("payloadType").stringValue(),
                    e.get("payloadRevision").isNull() ? "" : e.get("payloadRevision").stringValue(),
                    e.get("timeStamp").stringValue(), e.get("payload").stringValue(), e.get("metaData").stringValue());
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
            assertThat(hash).isEqualTo(e.get("hash").stringValue());
            previous = hash;
        }
        assertThat(previous).isEqualTo(export.get("verification").get("head").stringValue());
        String payload = new String(Base64.getDecoder().decode(export.get("events").get(1).get("payload")
                .stringValue()), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"housing\":\"OWN\"").doesNotContain(person);
        assertThat(export.get("gapTimeline")).isNotEmpty();
    }
}
