package no.pathway.api.ingest;

import static no.pathway.api.support.Events.housing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.security.Role;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.Test;

class ConcurrentIngestionIT extends ApiIT {

    @Test
    void concurrent_posts_to_one_pathway_are_all_stored_once_each() throws Exception {
        String person = TestPersons.next();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            events.add(housing(person, "2026-03-02T08:00:00Z", i % 2 == 0 ? "OWN" : "NONE"));
        }
        // every event is posted twice, by different connections at the same time
        String token = token("test-source", Set.of(Role.SOURCE), Set.of());
        List<Callable<Integer>> posts = new ArrayList<>();
        for (Map<String, Object> event : events) {
            posts.add(() -> api.as(token).post("/api/v1/events", event).status());
            posts.add(() -> api.as(token).post("/api/v1/events", event).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(posts)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(events.size());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(events.size());
        String pathwayId = api.post("/api/v1/pathways/lookup", Map.of("personId", person))
                .json().get("pathwayId").stringValue();
        List<Long> sequences = jdbc.sql("SELECT sequence_number FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(pathwayId).query(Long.class).list();
        assertThat(sequences).hasSize(events.size());
        assertThat(sequences.get(sequences.size() - 1)).isEqualTo(events.size() - 1L);
        assertThat(api.get("/api/v1/pathways/" + pathwayId + "/history").json().get("events"))
                .hasSize(events.size());
    }

    @Test
    void a_long_pathway_is_snapshotted_and_still_replays_in_full() {
        String person = TestPersons.next();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            events.add(housing(person, "2026-03-02T08:00:00Z", "OWN"));
        }
        var results = api.post("/api/v1/events/batch", Map.of("events", events)).json().get("results");
        String pathwayId = results.get(0).get("pathwayId").stringValue();

        assertThat(results.get(249).get("sequence").longValue()).isEqualTo(249);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                        .param(pathwayId).query(Long.class).single()).isPositive());
        assertThat(api.get("/api/v1/pathways/" + pathwayId + "/history").json().get("events")).hasSize(250);
        // a retraction after the snapshot still knows the events before it
        var retraction = no.pathway.api.support.Events.event("EVENT_RETRACTED", person, "2026-03-02T09:00:00Z",
                "retractedEventId", events.get(3).get("eventId"), "reason", "entered in error");
        assertThat(api.post("/api/v1/events", retraction).status()).isEqualTo(201);
    }
}
