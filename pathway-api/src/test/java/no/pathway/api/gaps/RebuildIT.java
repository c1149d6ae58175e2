package no.pathway.api.gaps;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import no.pathway.projections.PathwayReadModels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.Test;

/** A rebuild replaces both read models from the event store, and never loses what arrives meanwhile. */
class RebuildIT extends ApiIT {
    @Autowired
    private PathwayReadModels pathwayReadModels;
    @Autowired
    private PlatformTransactionManager transactions;

    private String post(Map<String, Object> event) {
        Api.Response response = api.post("/api/v1/events", event);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("pathwayId").stringValue();
    }

    private Map<String, Object> overdose(String person, Instant at) {
        return event("OVERDOSE_RECORDED", person, at.toString(), "municipality", "0301", "fatal", false);
    }

    private List<String> gapRows(String pathwayId) {
        return jdbc.sql("SELECT rule || ' ' || triggered_by FROM gap WHERE pathway_id = ? ORDER BY 1")
                .param(pathwayId).query(String.class).list();
    }

    private int eventCount(String pathwayId) {
        return jdbc.sql("SELECT event_count FROM pathway_summary WHERE pathway_id = ?").param(pathwayId)
                .query(Integer.class).single();
    }

    private void rebuild() {
        Api.Response response = api.post("/api/v1/admin/read-models/rebuild", "{}", Map.of());
        assertThat(response.status()).as(response.text()).isEqualTo(202);
        assertThat(response.json().get("replaying").booleanValue()).isTrue();
        assertThat(response.json().get("rebuild").get("pathwaysJudged").longValue()).isNotNegative();
    }

    @Test
    void a_rebuild_restores_rows_that_no_longer_follow_from_the_events() {
        String kept = post(overdose(TestPersons.next(), clock.instant().minus(Duration.ofHours(3))));
        String damaged = post(overdose(TestPersons.next(), clock.instant().minus(Duration.ofHours(2))));
        awaitReadModels();
        List<String> keptRows = gapRows(kept);
        List<String> damagedRows = gapRows(damaged);
        assertThat(damagedRows).isNotEmpty();

        jdbc.sql("DELETE FROM gap WHERE pathway_id = ?").param(damaged).update();
        jdbc.sql("UPDATE pathway_summary SET event_count = 99 WHERE pathway_id = ?").param(damaged).update();
        jdbc.sql("INSERT INTO gap SELECT gen_random_uuid(), 'no-such-pathway', rule, rule_version, deadline_minutes,"
                + " triggered_by, trigger_source, opened_at, due_at, closed_at, closed_by, excluded_at, reason,"
                + " municipality, detail FROM gap WHERE pathway_id = ? LIMIT 1").param(kept).update();

        rebuild();
        awaitReadModels();

        assertThat(gapRows(damaged)).isEqualTo(damagedRows);
        assertThat(eventCount(damaged)).isEqualTo(1);
        assertThat(gapRows(kept)).isEqualTo(keptRows);
        assertThat(gapRows("no-such-pathway")).as("a row no event explains").isEmpty();
    }

    @Test
    void an_event_recorded_while_a_rebuild_runs_reaches_the_read_models() {
        String person = TestPersons.next();
        String pathway = post(overdose(person, clock.instant().minus(Duration.ofHours(5))));
        awaitReadModels();

        rebuild();
        post(overdose(person, clock.instant().minus(Duration.ofHours(1))));
        awaitReadModels();

        assertThat(gapRows(pathway)).hasSize(2);
        assertThat(eventCount(pathway)).isEqualTo(2);
    }

    @Test
    void a_rebuild_is_refused_while_another_node_holds_a_segment_and_changes_nothing() {
        String pathway = post(overdose(TestPersons.next(), clock.instant().minus(Duration.ofHours(4))));
        awaitReadModels();
        List<String> rows = gapRows(pathway);
        jdbc.sql("DELETE FROM gap WHERE pathway_id = ?").param(pathway).update();
        try {
            jdbc.sql("UPDATE token_entry SET owner = 'another-node', timestamp = ? WHERE segment = 0")
                    .param(Instant.now().plus(Duration.ofMinutes(5)).toString()).update();

            Api.Response refused = api.post("/api/v1/admin/read-models/rebuild", "{}", Map.of());

            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.text()).contains("Another instance");
            assertThat(readModels.status().running()).isTrue();
            assertThat(readModels.status().replaying()).isFalse();
            assertThat(gapRows(pathway)).as("nothing rebuilt").isEmpty();
        } finally {
            jdbc.sql("UPDATE token_entry SET owner = NULL WHERE owner = 'another-node'").update();
        }
        rebuild();
        awaitReadModels();
        await().atMost(Duration.ofSeconds(30)).until(() -> gapRows(pathway).equals(rows));
    }

    @Test
    void a_rebuild_counts_the_pathways_of_the_store_first_and_reports_each_one_judged() {
        post(overdose(TestPersons.next(), clock.instant().minus(Duration.ofHours(2))));
        awaitReadModels();
        AtomicLong total = new AtomicLong(-1);
        AtomicLong judged = new AtomicLong();
        List<Long> seenBeforeEachChunk = new ArrayList<>();

        new TransactionTemplate(transactions).executeWithoutResult(tx -> pathwayReadModels.rebuild(
                new PathwayReadModels.Progress() {
                    @Override
                    public void pathways(long count) {
                        total.set(count);
                    }

                    @Override
                    public void judged(int pathways) {
                        seenBeforeEachChunk.add(judged.getAndAdd(pathways));
                    }
                }));

        long pathways = jdbc.sql("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry")
                .query(Long.class).single();
        assertThat(total.get()).isEqualTo(pathways);
        assertThat(judged.get()).isEqualTo(pathways);
        assertThat(seenBeforeEachChunk).isSorted().startsWith(0L);
    }

    @Test
    void the_status_shows_no_rebuild_once_it_has_finished() {
        rebuild();
        awaitReadModels();
        Api.Response status = api.get("/api/v1/admin/read-models");
        assertThat(status.status()).as(status.text()).isEqualTo(200);
        assertThat(status.json().path("rebuild").isNull() || status.json().path("rebuild").isMissingNode())
                .as("no rebuild runs").isTrue();
    }
}
