package no.pathway.api.ingest;

import static no.pathway.api.support.Events.housing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
        List<Integer> statuses = runAll(posts, 16);

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
    void concurrent_posts_to_many_pathways_are_stored_in_order_and_every_chain_verifies() throws Exception {
        List<String> persons = new ArrayList<>();
        List<Callable<Integer>> posts = new ArrayList<>();
        String token = token("test-source", Set.of(Role.SOURCE), Set.of());
        for (int p = 0; p < 24; p++) {
            String person = TestPersons.next();
            persons.add(person);
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                events.add(housing(person, "2026-03-02T08:00:00Z", i % 2 == 0 ? "OWN" : "NONE"));
            }
            // half the pathways arrive as one batch each, the other half event by event
            if (p % 2 == 0) {
                posts.add(() -> api.as(token).post("/api/v1/events/batch", Map.of("events", events)).status());
            } else {
                events.forEach(e -> posts.add(() -> api.as(token).post("/api/v1/events", e).status()));
            }
        }
        List<Integer> statuses = runAll(posts, 16);

        assertThat(statuses).allMatch(s -> s == 200 || s == 201);
        for (String person : persons) {
            String pathwayId = pathwayOf(person);
            assertThat(jdbc.sql("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? "
                    + "ORDER BY sequence_number").param(pathwayId).query(Long.class).list())
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
            assertThat(api.get("/api/v1/pathways/" + pathwayId + "/verify").json().get("intact").booleanValue())
                    .isTrue();
        }
    }

    @Test
    void an_event_is_numbered_after_every_event_committed_before_it_so_no_reader_sees_a_hole() throws Exception {
        // test-only trigger: a 'slow-' event's transaction stays open for half a second after its event row is in
        owner.sql("""
                CREATE FUNCTION test_slow() RETURNS trigger AS $$
                BEGIN
                    IF NEW.event_id LIKE 'slow-%' THEN PERFORM pg_sleep(0.5); END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql""").update();
        owner.sql("CREATE TRIGGER test_slow BEFORE INSERT ON event_receipt FOR EACH ROW "
                + "EXECUTE FUNCTION test_slow()").update();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            String token = token("test-source", Set.of(Role.SOURCE), Set.of());
            Map<String, Object> slow = housing(TestPersons.next(), "2026-03-02T08:00:00Z", "OWN");
            slow.put("eventId", "slow-" + UUID.randomUUID());
            Future<Integer> slowAnswer = pool.submit(() -> api.as(token).post("/api/v1/events", slow).status());
            Thread.sleep(150);

            Map<String, Object> fast = housing(TestPersons.next(), "2026-03-02T08:00:00Z", "OWN");
            assertThat(api.as(token).post("/api/v1/events", fast).status()).isEqualTo(201);

            // had the fast event taken a number while the slow one was open, a streaming processor would have seen
            // it above a hole, and its token would have carried that hole until the slow one committed
            List<Long> committed = jdbc.sql("SELECT e.global_index FROM domain_event_entry e JOIN event_receipt r "
                            + "ON r.pathway_id = e.aggregate_identifier AND r.sequence = e.sequence_number "
                            + "WHERE r.event_id IN (?, ?) ORDER BY r.event_id = ?")
                    .params(slow.get("eventId"), fast.get("eventId"), fast.get("eventId")).query(Long.class).list();
            assertThat(committed).as("the slow event, then the fast one, both committed").hasSize(2);
            assertThat(committed.get(0)).isLessThan(committed.get(1));
            assertThat(slowAnswer.get()).isEqualTo(201);
        } finally {
            pool.shutdown();
            owner.sql("DROP TRIGGER test_slow ON event_receipt").update();
            owner.sql("DROP FUNCTION test_slow()").update();
        }
    }

    @Test
    void a_request_that_fails_for_an_unexpected_reason_fails_alone_while_its_group_is_stored() throws Exception {
        Map<String, Object> poison = housing(TestPersons.next(), "2026-03-02T08:00:00Z", "OWN");
        poison.put("eventId", "poison-" + UUID.randomUUID());
        // test-only trigger: 'slow-' events keep both writers busy so that the rest queue up and share a
        // transaction; the 'poison-' event then fails that shared transaction
        owner.sql("""
                CREATE FUNCTION test_poison() RETURNS trigger AS $$
                BEGIN
                    IF NEW.event_id LIKE 'slow-%' THEN PERFORM pg_sleep(0.5); END IF;
                    IF NEW.event_id LIKE 'poison-%' THEN RAISE EXCEPTION 'poisoned'; END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql""").update();
        owner.sql("CREATE TRIGGER test_poison BEFORE INSERT ON event_receipt FOR EACH ROW "
                + "EXECUTE FUNCTION test_poison()").update();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            String token = token("test-source", Set.of(Role.SOURCE), Set.of());
            List<Future<Integer>> slow = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Map<String, Object> event = housing(TestPersons.next(), "2026-03-02T08:00:00Z", "OWN");
                event.put("eventId", "slow-" + UUID.randomUUID());
                slow.add(pool.submit(() -> api.as(token).post("/api/v1/events", event).status()));
            }
            Thread.sleep(200);
            List<Future<Integer>> queued = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Map<String, Object> event = housing(TestPersons.next(), "2026-03-02T08:00:00Z", "OWN");
                queued.add(pool.submit(() -> api.as(token).post("/api/v1/events", event).status()));
                if (i == 15) {
                    queued.add(pool.submit(() -> api.as(token).post("/api/v1/events", poison).status()));
                }
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : queued) {
                statuses.add(f.get());
            }

            assertThat(statuses).filteredOn(s -> s == 201).hasSize(30);
            assertThat(statuses).filteredOn(s -> s == 500).hasSize(1);
            assertThat(slow).allMatch(f -> get(f) == 201);
            // nothing of the failed request was stored: its person has no pathway
            assertThat(api.post("/api/v1/pathways/lookup", Map.of("personId", poison.get("personId"))).status())
                    .isEqualTo(404);
        } finally {
            pool.shutdown();
            owner.sql("DROP TRIGGER test_poison ON event_receipt").update();
            owner.sql("DROP FUNCTION test_poison()").update();
        }
    }

    private static int get(Future<Integer> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> runAll(List<Callable<Integer>> posts, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(posts)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        return statuses;
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
