package no.pathway.api.ingest;

import static no.pathway.api.support.Events.event;
import static no.pathway.api.support.Events.housing;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A pathway holds at most 10,000 events (application.properties, docs/security.md "Events per pathway"); beyond,
 * what a source posts there is refused with 409 problem+json naming the field, alone or in a batch, and nothing is
 * stored. A full pathway of the shape that took the timeline more than ten minutes at 5,000 events (issue 12,
 * finding 4) is judged and its timeline answered.
 */
class PathwayLimitIT extends ApiIT {
    private static final int LIMIT = 10_000;
    private static final Instant START = Instant.parse("2025-01-06T08:00:00Z");

    @Test
    void a_full_pathway_refuses_what_a_source_posts_with_409_and_its_timeline_still_answers() {
        String person = TestPersons.next();
        for (int batch = 0; batch < LIMIT / 1000; batch++) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (int k = batch * 500; k < (batch + 1) * 500; k++) {
                Instant t = START.plus(Duration.ofHours(2L * k));
                events.add(event("APPOINTMENT_BOOKED", person, t.toString(), "appointmentId", "a" + k,
                        "setting", "OUTPATIENT", "scheduledAt", t.plusSeconds(3600).toString()));
                events.add(event("APPOINTMENT_MISSED", person, t.plusSeconds(3600).toString(), "appointmentId",
                        "a" + k));
            }
            JsonNode results = api.post("/api/v1/events/batch", Map.of("events", events)).json().get("results");
            results.forEach(r -> assertThat(r.get("status").intValue()).isEqualTo(201));
        }
        long stored = storedEvents();

        Api.Response single = api.post("/api/v1/events", housing(person, "2026-01-05T08:00:00Z", "OWN"));

        assertThat(single.status()).isEqualTo(409);
        assertThat(single.contentType()).startsWith("application/problem+json");
        assertThat(single.json().get("errors").get(0).get("field").stringValue()).isEqualTo("personId");
        assertThat(single.json().get("detail").stringValue()).contains("10000");
        assertThat(single.text()).doesNotContain(person);

        String other = TestPersons.next();
        JsonNode batch = api.post("/api/v1/events/batch", Map.of("events", List.of(
                housing(person, "2026-01-05T09:00:00Z", "NONE"),
                housing(other, "2026-01-05T09:00:00Z", "OWN")))).json().get("results");

        assertThat(batch.get(0).get("status").intValue()).isEqualTo(409);
        assertThat(batch.get(0).get("problem").get("errors").get(0).get("field").stringValue()).isEqualTo("personId");
        assertThat(batch.get(1).get("status").intValue()).isEqualTo(201);
        assertThat(storedEvents()).isEqualTo(stored + 1);

        awaitReadModels();
        String pathwayId = pathwayOf(person);
        long started = System.nanoTime();
        Api.Response timeline = api.get("/api/v1/pathways/" + pathwayId + "/gaps/timeline");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.json().size()).isEqualTo(LIMIT / 2);
        // generous on a loaded machine; the timeline this replaced took more than ten minutes at half the events
        assertThat(took).isLessThan(Duration.ofSeconds(60));
        assertThat(api.get("/api/v1/pathways/" + pathwayId + "/gaps").status()).isEqualTo(200);
    }
}
