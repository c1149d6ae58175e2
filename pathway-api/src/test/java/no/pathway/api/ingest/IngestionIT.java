package no.pathway.api.ingest;

import static no.pathway.api.support.Events.event;
import static no.pathway.api.support.Events.housing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.security.Role;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IngestionIT extends ApiIT {
    private final String person = TestPersons.next();

    @Test
    void a_valid_event_is_stored_and_answered_with_201() {
        Api.Response response = api.post("/api/v1/events", housing(person, "2026-03-02T08:00:00+01:00", "OWN"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.get("pathwayId").stringValue()).hasSize(43);
        assertThat(body.get("sequence").longValue()).isZero();
        assertThat(body.get("recordedAt").stringValue()).isNotBlank();
        assertThat(response.text()).doesNotContain(person);
    }

    @Test
    void a_retry_with_the_same_content_gets_200_and_the_original_answer() {
        Map<String, Object> event = housing(person, "2026-03-02T08:00:00+01:00", "OWN");
        Api.Response first = api.post("/api/v1/events", event);
        long before = storedEvents();

        Api.Response retry = api.post("/api/v1/events", event);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void the_same_event_id_with_other_content_gets_422_and_changes_nothing() {
        Map<String, Object> event = housing(person, "2026-03-02T08:00:00+01:00", "OWN");
        api.post("/api/v1/events", event);
        long before = storedEvents();
        event.put("housing", "NONE");

        Api.Response response = api.post("/api/v1/events", event);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void the_same_event_id_from_another_source_is_another_event() {
        Map<String, Object> event = housing(person, "2026-03-02T08:00:00+01:00", "OWN");
        api.post("/api/v1/events", event);

        Api.Response other = api.as(token("oslo-kommune", Set.of(Role.SOURCE), Set.of()))
                .post("/api/v1/events", event);

        assertThat(other.status()).isEqualTo(201);
        assertThat(other.json().get("sequence").longValue()).isEqualTo(1);
    }

    @Test
    void an_invalid_event_gets_400_problem_json_naming_each_field_and_stores_nothing() {
        long before = storedEvents();
        Api.Response response = api.post("/api/v1/events",
                event("EPISODE_ENDED", "02828404893", "2026-03-02T08:00:00", "setting", "SPA"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").stringValue()));
        assertThat(fields).containsExactlyInAnyOrder("personId", "occurredAt", "episodeId", "setting", "endReason");
        assertThat(response.text()).doesNotContain("02828404893");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_body_that_is_not_json_gets_400() {
        Api.Response response = api.post("/api/v1/events", "{\"eventId\": ", Map.of());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").stringValue()).isEqualTo("(body)");
    }

    @Test
    void duplicate_keys_are_rejected_so_no_two_readers_see_different_values() {
        String body = "{\"eventId\":\"d-1\",\"type\":\"PERSON_DIED\",\"personId\":\"" + person
                + "\",\"personId\":\"02828404892\",\"occurredAt\":\"2026-03-02T08:00:00Z\"}";
        assertThat(api.post("/api/v1/events", body, Map.of()).status()).isEqualTo(400);
    }

    @Test
    void an_oversized_body_gets_413_and_stores_nothing() {
        long before = storedEvents();
        Map<String, Object> event = housing(person, "2026-03-02T08:00:00Z", "OWN");
        event.put("padding", "x".repeat(70_000));
        Api.Response response = api.post("/api/v1/events", event);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_batch_answers_each_event_on_its_own() {
        Map<String, Object> good = housing(person, "2026-03-02T08:00:00Z", "OWN");
        Map<String, Object> bad = housing(person, "2026-03-02T08:00:00Z", "CASTLE");
        Map<String, Object> second = housing(person, "2026-03-03T08:00:00Z", "SUPPORTED");
        Api.Response response = api.post("/api/v1/events/batch", Map.of("events", List.of(good, bad, second, good)));

        assertThat(response.status()).isEqualTo(200);
        JsonNode results = response.json().get("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("status").intValue()).isEqualTo(201);
        assertThat(results.get(0).get("sequence").longValue()).isZero();
        assertThat(results.get(1).get("status").intValue()).isEqualTo(400);
        assertThat(results.get(1).get("problem").get("errors").get(0).get("field").stringValue()).isEqualTo("housing");
        assertThat(results.get(1).get("eventId").stringValue()).isEqualTo(bad.get("eventId"));
        assertThat(results.get(2).get("status").intValue()).isEqualTo(201);
        assertThat(results.get(2).get("sequence").longValue()).isEqualTo(1);
        assertThat(results.get(3).get("status").intValue()).isEqualTo(200);
        assertThat(results.get(3).get("index").intValue()).isEqualTo(3);
    }

    @Test
    void a_refused_retraction_in_a_batch_does_not_stop_the_events_around_it() {
        Map<String, Object> first = housing(person, "2026-03-02T08:00:00Z", "OWN");
        Map<String, Object> retractFirst = event("EVENT_RETRACTED", person, "2026-03-02T09:00:00Z",
                "retractedEventId", first.get("eventId"), "reason", "entered in error");
        Map<String, Object> retractUnknown = event("EVENT_RETRACTED", person, "2026-03-02T09:00:00Z",
                "retractedEventId", "never-posted", "reason", "entered in error");
        Map<String, Object> last = housing(person, "2026-03-03T08:00:00Z", "SUPPORTED");

        JsonNode results = api.post("/api/v1/events/batch",
                Map.of("events", List.of(first, retractFirst, retractUnknown, last))).json().get("results");

        assertThat(results).extracting(r -> r.get("status").intValue()).containsExactly(201, 201, 400, 201);
        assertThat(results).extracting(r -> r.path("sequence").asLong(-1)).containsExactly(0L, 1L, -1L, 2L);
        assertThat(results.get(2).get("problem").get("errors").get(0).get("field").stringValue())
                .isEqualTo("retractedEventId");
        assertThat(api.get("/api/v1/pathways/" + pathwayOf(person) + "/history").json().get("events")).hasSize(3);
    }

    @Test
    void the_same_event_id_twice_in_one_batch_with_other_content_is_stored_once_and_then_refused() {
        Map<String, Object> event = housing(person, "2026-03-02T08:00:00Z", "OWN");
        Map<String, Object> changed = new HashMap<>(event);
        changed.put("housing", "NONE");

        JsonNode results = api.post("/api/v1/events/batch", Map.of("events", List.of(event, changed))).json()
                .get("results");

        assertThat(results).extracting(r -> r.get("status").intValue()).containsExactly(201, 422);
        assertThat(api.get("/api/v1/pathways/" + pathwayOf(person) + "/history").json().get("events")).hasSize(1);
    }

    @Test
    void a_batch_of_more_than_1000_events_is_rejected_whole() {
        long before = storedEvents();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            events.add(housing(person, "2026-03-02T08:00:00Z", "OWN"));
        }
        Api.Response response = api.post("/api/v1/events/batch", Map.of("events", events));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").stringValue()).isEqualTo("events");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_batch_without_an_events_array_is_rejected() {
        assertThat(api.post("/api/v1/events/batch", Map.of("event", List.of())).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/events/batch", "[]", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void a_retraction_of_an_event_the_source_never_posted_is_rejected_and_stores_nothing() {
        api.post("/api/v1/events", housing(person, "2026-03-02T08:00:00Z", "OWN"));
        long before = storedEvents();
        Api.Response response = api.post("/api/v1/events", event("EVENT_RETRACTED", person, "2026-03-02T09:00:00Z",
                "retractedEventId", "never-posted", "reason", "entered in error"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").stringValue()).isEqualTo("retractedEventId");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_token_whose_client_id_cannot_be_a_source_may_not_post() {
        Api.Response response = api.as(token("a b", Set.of(Role.SOURCE), Set.of()))
                .post("/api/v1/events", housing(person, "2026-03-02T08:00:00Z", "OWN"));
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void lookup_finds_the_pathway_by_the_number_in_the_body() {
        String pathwayId = api.post("/api/v1/events", housing(person, "2026-03-02T08:00:00Z", "OWN"))
                .json().get("pathwayId").stringValue();

        Api.Response found = api.post("/api/v1/pathways/lookup", Map.of("personId", person));
        Api.Response unknown = api.post("/api/v1/pathways/lookup", Map.of("personId", TestPersons.next()));
        Api.Response invalid = api.post("/api/v1/pathways/lookup", Map.of("personId", "12345678901"));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("pathwayId").stringValue()).isEqualTo(pathwayId);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text()).doesNotContain("12345678901");
    }

    @Test
    void history_lists_every_event_in_recorded_order_with_retractions_marked() {
        Map<String, Object> wrong = housing(person, "2026-03-02T08:00:00+01:00", "NONE");
        Map<String, Object> late = event("EPISODE_STARTED", person, "2026-02-01T08:00:00Z",
                "episodeId", "res-1", "setting", "RESIDENTIAL", "provider", "974706490", "municipality", "0301");
        String pathwayId = api.post("/api/v1/events", wrong).json().get("pathwayId").stringValue();
        api.post("/api/v1/events", late);
        api.post("/api/v1/events", event("EVENT_RETRACTED", person, "2026-03-02T09:00:00Z",
                "retractedEventId", wrong.get("eventId"), "reason", "wrong person"));

        Api.Response response = api.get("/api/v1/pathways/" + pathwayId + "/history");

        assertThat(response.status()).isEqualTo(200);
        JsonNode events = response.json().get("events");
        assertThat(events).hasSize(3);
        List<String> types = new ArrayList<>();
        Map<String, Boolean> retracted = new HashMap<>();
        events.forEach(e -> {
            types.add(e.get("type").stringValue());
            retracted.put(e.get("eventId").stringValue(), e.get("retracted").booleanValue());
        });
        assertThat(types).containsExactly("HOUSING_RECORDED", "EPISODE_STARTED", "EVENT_RETRACTED");
        assertThat(retracted).containsEntry((String) wrong.get("eventId"), true)
                .containsEntry((String) late.get("eventId"), false);
        JsonNode first = events.get(0);
        assertThat(first.get("sequence").longValue()).isZero();
        assertThat(first.get("source").stringValue()).isEqualTo("test-source");
        assertThat(first.get("occurredAt").stringValue()).isEqualTo("2026-03-02T07:00:00Z");
        assertThat(first.get("data").get("housing").stringValue()).isEqualTo("NONE");
        assertThat(events.get(1).get("data").get("provider").stringValue()).isEqualTo("974706490");
        assertThat(response.text()).doesNotContain(person).doesNotContain("personId");
    }

    @Test
    void history_of_an_unknown_or_malformed_pathway_is_404() {
        assertThat(api.get("/api/v1/pathways/" + "A".repeat(43) + "/history").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/pathways/nonsense/history").status()).isEqualTo(404);
    }

    @Test
    void health_and_the_openapi_document_are_served() {
        assertThat(api.get("/actuator/health").json().get("status").stringValue()).isEqualTo("UP");
        assertThat(api.get("/v3/api-docs").json().get("paths").has("/api/v1/events")).isTrue();
    }
}
