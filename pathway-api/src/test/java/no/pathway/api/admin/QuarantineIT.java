package no.pathway.api.admin;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.identity.PathwayIds;
import no.pathway.api.support.TestMunicipalities;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestDatabase;
import no.pathway.api.support.TestPersons;
import no.pathway.core.value.PersonId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A pathway whose judgement fails is set aside while every other pathway reaches the dashboard; operators see it and
 * retry it once the cause is gone. The poison is real: a trigger on the summary table raises for the pathways listed
 * in a table of this test, as a value PostgreSQL refuses or a broken constraint would.
 */
class QuarantineIT extends ApiIT {
    private static final String QUARANTINE = "/api/v1/admin/read-models/quarantine";
    /** A municipality of this test alone, so other tests' gaps do not interfere. */
    private final String municipality = TestMunicipalities.next();
    @Autowired
    private PathwayIds pathwayIds;

    /** The pathway id a person's events will have, before any is posted. */
    private String pathwayBefore(String person) {
        return pathwayIds.of(PersonId.of(person, true));
    }

    @BeforeEach
    void poisonable() {
        awaitReadModels();
        owner.sql("CREATE TABLE quarantine_it_poisoned (pathway_id VARCHAR(64) PRIMARY KEY, action VARCHAR(8))")
                .update();
        owner.sql("GRANT SELECT ON quarantine_it_poisoned TO " + TestDatabase.applicationRole()).update();
        owner.sql("""
                CREATE FUNCTION quarantine_it_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM quarantine_it_poisoned WHERE pathway_id = NEW.pathway_id
                               AND action = 'raise') THEN
                        RAISE EXCEPTION 'poisoned';
                    END IF;
                    IF EXISTS (SELECT 1 FROM quarantine_it_poisoned WHERE pathway_id = NEW.pathway_id
                               AND action = 'sleep') THEN
                        PERFORM pg_sleep(30);
                    END IF;
                    RETURN NEW;
                END $$""").update();
        owner.sql("CREATE TRIGGER quarantine_it_poison BEFORE INSERT OR UPDATE ON pathway_summary "
                + "FOR EACH ROW EXECUTE FUNCTION quarantine_it_poison()").update();
    }

    @AfterEach
    void cured() {
        owner.sql("DROP TRIGGER quarantine_it_poison ON pathway_summary").update();
        owner.sql("DROP FUNCTION quarantine_it_poison()").update();
        owner.sql("DROP TABLE quarantine_it_poisoned").update();
        api.post(QUARANTINE + "/retry", "{}", Map.of());
    }

    private void poison(String pathwayId, String action) {
        owner.sql("INSERT INTO quarantine_it_poisoned VALUES (?, ?)").params(pathwayId, action).update();
    }

    private void cure(String pathwayId) {
        owner.sql("DELETE FROM quarantine_it_poisoned WHERE pathway_id = ?").param(pathwayId).update();
    }

    private Map<String, Object> overdose(String person, Duration ago) {
        return event("OVERDOSE_RECORDED", person, clock.instant().minus(ago).toString(), "municipality",
                municipality, "fatal", false);
    }

    private void postBatch(List<Map<String, Object>> events) {
        Api.Response response = api.post("/api/v1/events/batch", Map.of("events", events));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        response.json().get("results").forEach(r -> assertThat(r.get("status").intValue()).isEqualTo(201));
    }

    /** The pathways with a gap on the dashboard of this test's municipality. */
    private Set<String> onTheDashboard() {
        Api.Response response = api.get("/api/v1/gaps?municipality=" + municipality + "&limit=500");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        Set<String> pathways = new HashSet<>();
        response.json().get("items").forEach(g -> pathways.add(g.get("pathwayId").stringValue()));
        return pathways;
    }

    private JsonNode quarantine() {
        Api.Response response = api.get(QUARANTINE);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private JsonNode readModelsHealth() {
        return api.get("/actuator/health").json().get("components").get("readModels");
    }

    private double gauge() {
        return api.get("/actuator/metrics/pathway.read_models.quarantined").json().get("measurements").get(0)
                .get("value").doubleValue();
    }

    @Test
    void a_poisoned_pathway_is_set_aside_while_a_hundred_others_reach_the_dashboard_and_a_retry_releases_it() {
        String poisonedPerson = TestPersons.next();
        String poisoned = pathwayBefore(poisonedPerson);
        poison(poisoned, "raise");
        List<Map<String, Object>> events = new ArrayList<>();
        Set<String> others = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String person = TestPersons.next();
            others.add(pathwayBefore(person));
            events.add(overdose(person, Duration.ofHours(3)));
        }
        events.add(50, overdose(poisonedPerson, Duration.ofHours(3)));

        postBatch(events);
        awaitReadModels();

        assertThat(onTheDashboard()).isEqualTo(others);
        JsonNode listed = quarantine();
        assertThat(listed.get("count").longValue()).isEqualTo(1);
        JsonNode entry = listed.get("pathways").get(0);
        assertThat(entry.get("pathwayId").stringValue()).isEqualTo(poisoned);
        assertThat(entry.get("sqlState").stringValue()).isEqualTo("P0001");
        assertThat(entry.get("errorType").stringValue()).isNotBlank();
        assertThat(entry.get("attempts").intValue()).isPositive();
        assertThat(listed.toString()).as("no error message, which may quote data").doesNotContain("poisoned");
        assertThat(readModelsHealth().get("status").stringValue()).isEqualTo("UP");
        assertThat(readModelsHealth().get("details").get("quarantined").longValue()).isEqualTo(1);
        assertThat(gauge()).isEqualTo(1.0);

        postBatch(List.of(overdose(poisonedPerson, Duration.ofHours(2))));
        awaitReadModels();
        assertThat(quarantine().get("pathways").get(0).get("laterEvents").longValue())
                .as("a later event is counted against it, not skipped").isEqualTo(1);
        assertThat(onTheDashboard()).doesNotContain(poisoned);

        Api.Response stillPoisoned = api.post(QUARANTINE + "/" + poisoned + "/retry", "{}", Map.of());
        assertThat(stillPoisoned.status()).as(stillPoisoned.text()).isEqualTo(200);
        assertThat(stillPoisoned.json().get("released").booleanValue()).isFalse();
        assertThat(stillPoisoned.json().get("stillSetAside").get("attempts").intValue())
                .isGreaterThan(entry.get("attempts").intValue());

        cure(poisoned);
        Api.Response retried = api.post(QUARANTINE + "/" + poisoned + "/retry", "{}", Map.of());

        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        assertThat(retried.json().get("released").booleanValue()).isTrue();
        assertThat(quarantine().get("count").longValue()).isZero();
        assertThat(onTheDashboard()).contains(poisoned).hasSize(101);
        assertThat(jdbc.sql("SELECT count(*) FROM gap WHERE pathway_id = ?").param(poisoned).query(Long.class)
                .single()).as("both overdoses judged").isEqualTo(2);
        assertThat(api.post(QUARANTINE + "/" + poisoned + "/retry", "{}", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void a_rebuild_sets_a_poisoned_pathway_aside_instead_of_failing_whole() {
        String poisonedPerson = TestPersons.next();
        String poisoned = pathwayBefore(poisonedPerson);
        postBatch(List.of(overdose(poisonedPerson, Duration.ofHours(5))));
        awaitReadModels();
        owner.sql("DELETE FROM gap WHERE pathway_id = ?").param(poisoned).update();
        poison(poisoned, "raise");

        Api.Response rebuild = api.post("/api/v1/admin/read-models/rebuild", "{}", Map.of());
        assertThat(rebuild.status()).as(rebuild.text()).isEqualTo(202);
        awaitReadModels();

        assertThat(readModels.status().rebuildFailure()).isNull();
        assertThat(quarantine().get("pathways").get(0).get("pathwayId").stringValue()).isEqualTo(poisoned);
        assertThat(onTheDashboard()).doesNotContain(poisoned);

        cure(poisoned);
        Api.Response retried = api.post(QUARANTINE + "/retry", "{}", Map.of());

        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        assertThat(retried.json().get("released").intValue()).isEqualTo(1);
        assertThat(onTheDashboard()).contains(poisoned);
    }

    /** Faults that are not the pathway's: they roll the batch back to be retried, and set nothing aside. */
    enum Fault {
        /** The processor's connection is terminated mid-batch (SQLSTATE 57P01), as in a database restart. */
        CONNECTION_TERMINATED,
        /** The summary table is renamed away for a while (SQLSTATE 42P01), as in a broken deployment. */
        TABLE_MISSING
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void a_fault_that_is_not_the_pathways_sets_nothing_aside(Fault fault) {
        String person = TestPersons.next();
        String pathway = pathwayBefore(person);
        double failures = api.get("/actuator/metrics/pathway.read_models.failures").json().get("measurements")
                .get(0).get("value").doubleValue();
        if (fault == Fault.CONNECTION_TERMINATED) {
            poison(pathway, "sleep");
            postBatch(List.of(overdose(person, Duration.ofHours(1))));
            await().atMost(Duration.ofSeconds(20)).until(() -> owner.sql("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND wait_event = 'PgSleep'").query(Long.class).single() > 0);
            cure(pathway);
            owner.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND wait_event = 'PgSleep'").query().singleColumn();
        } else {
            owner.sql("ALTER TABLE pathway_summary RENAME TO pathway_summary_away").update();
            try {
                postBatch(List.of(overdose(person, Duration.ofHours(1))));
                await().atMost(Duration.ofSeconds(20)).until(() -> readModels.status().failing());
            } finally {
                owner.sql("ALTER TABLE pathway_summary_away RENAME TO pathway_summary").update();
            }
        }
        awaitReadModels();

        assertThat(api.get("/actuator/metrics/pathway.read_models.failures").json().get("measurements").get(0)
                .get("value").doubleValue()).as("the fault happened").isGreaterThan(failures);
        assertThat(quarantine().get("count").longValue()).isZero();
        assertThat(onTheDashboard()).contains(pathway);
    }
}
