package no.pathway.api.security;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * A coordinator's acknowledgement is a person's action, recorded by the service: no source system retracts it, not
 * even one whose client id is the coordinator's own (finding 7). Refused as an outcome on {@code retractedEventId}.
 */
class CoordinatorActionsIT extends ApiIT {
    private static final String OSLO = "0301";

    @ParameterizedTest(name = "posted {0}")
    @ValueSource(strings = {"alone", "in a batch"})
    void a_source_cannot_retract_an_acknowledgement_made_under_its_own_client_id(String how) {
        String person = TestPersons.next();
        String at = clock.instant().minus(Duration.ofHours(2)).toString();
        api.post("/api/v1/events", event("OVERDOSE_RECORDED", person, at, "fatal", false, "municipality", OSLO));
        String pathway = pathwayOf(person);
        awaitReadModels();
        String gapId = api.get("/api/v1/pathways/" + pathway + "/gaps").json().get("gaps").get(0)
                .get("gapId").stringValue();
        Api coordinator = api.as(token("oslo-kommune", Set.of(Role.COORDINATOR), Set.of(OSLO)));
        String acknowledgement = coordinator.post("/api/v1/gaps/" + gapId + "/acknowledge",
                Map.of("note", "called the clinic")).json().get("eventId").stringValue();
        long before = storedEvents();

        Map<String, Object> retraction = event("EVENT_RETRACTED", person, clock.instant().toString(),
                "retractedEventId", acknowledgement, "reason", "entered in error");
        Api source = api.as(token("oslo-kommune", Set.of(Role.SOURCE), Set.of()));
        JsonNode problem = how.equals("alone") ? source.post("/api/v1/events", retraction).json()
                : source.post("/api/v1/events/batch", Map.of("events", List.of(retraction))).json()
                .get("results").get(0).get("problem");

        assertThat(problem.get("status").intValue()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("field").stringValue()).isEqualTo("retractedEventId");
        assertThat(problem.get("errors").get(0).get("message").stringValue()).contains("only a coordinator");
        assertThat(storedEvents()).isEqualTo(before);
        awaitReadModels();
        JsonNode gap = coordinator.get("/api/v1/pathways/" + pathway + "/gaps").json().get("gaps").get(0);
        assertThat(gap.get("acknowledgement").get("note").stringValue()).isEqualTo("called the clinic");
    }

    @org.junit.jupiter.api.Test
    void snapshots_are_stamped_with_the_shape_that_knows_coordinators_actions() {
        String person = TestPersons.next();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            events.add(event("HOUSING_RECORDED", person, "2026-03-02T08:00:00Z", "housing", "OWN"));
        }
        api.post("/api/v1/events/batch", Map.of("events", events));
        String pathway = pathwayOf(person);

        // older snapshots (no revision) are ignored by the event store, and the pathway replayed from its events
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT payload_revision FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                        .param(pathway).query(String.class).list()).isNotEmpty().containsOnly("2"));
    }
}
