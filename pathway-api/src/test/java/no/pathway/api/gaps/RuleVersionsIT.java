package no.pathway.api.gaps;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import no.pathway.api.support.TestSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A deadline change configured with a date of effect (TestSettings: version test-2030 from 2030-01-01 in Oslo,
 * the detox guarantee 12 hours instead of 24) takes effect in the middle of a pathway: the detox end before the
 * date keeps version 2026.1 and 24 hours, the one after it has test-2030 and 12 hours; the as-of judgement, the
 * read model and a rebuild agree.
 */
class RuleVersionsIT extends ApiIT {
    private static final Instant BEFORE = Instant.parse("2029-12-31T12:00:00Z");
    /** Midnight in Oslo, 2030-01-01. */
    private static final Instant EFFECT = Instant.parse("2029-12-31T23:00:00Z");
    private static final Instant AFTER = Instant.parse("2030-01-01T06:00:00Z");

    private String post(Map<String, Object> event) {
        Api.Response response = api.post("/api/v1/events", event);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("pathwayId").stringValue();
    }

    private static Map<String, Object> detoxEnd(String person, Instant at, String episode) {
        return event("EPISODE_ENDED", person, at.toString(), "municipality", "0301", "episodeId", episode,
                "setting", "DETOX", "endReason", "TRANSFERRED");
    }

    private List<String> storedRows(String pathway) {
        return jdbc.sql("SELECT opened_at || ' ' || rule_version || ' ' || deadline_minutes || ' ' || due_at FROM gap "
                + "WHERE pathway_id = ? ORDER BY opened_at").param(pathway).query(String.class).list();
    }

    @Test
    void a_deadline_changed_from_a_date_judges_the_triggers_from_that_date_and_leaves_those_before_it() {
        clock.freezeAt(Instant.parse("2030-01-02T12:00:00Z"));
        String person = TestPersons.next();
        String pathway = post(detoxEnd(person, BEFORE, "avr-before"));
        post(detoxEnd(person, EFFECT, "avr-at"));
        post(detoxEnd(person, AFTER, "avr-after"));

        JsonNode gaps = api.get("/api/v1/pathways/" + pathway + "/gaps").json().get("gaps");
        List<String> judged = new ArrayList<>();
        for (JsonNode g : gaps) {
            judged.add(g.get("openedAt").stringValue() + " " + g.get("ruleVersion").stringValue() + " "
                    + g.get("deadline").stringValue() + " " + g.get("dueAt").stringValue());
        }
        judged.sort(null);
        assertThat(judged).containsExactly(
                "2029-12-31T12:00:00Z 2026.1 PT24H 2030-01-01T12:00:00Z",
                "2029-12-31T23:00:00Z " + TestSettings.RULES_2030 + " PT12H 2030-01-01T11:00:00Z",
                "2030-01-01T06:00:00Z " + TestSettings.RULES_2030 + " PT12H 2030-01-01T18:00:00Z");

        awaitReadModels();
        List<String> stored = storedRows(pathway);
        assertThat(stored).hasSize(3);
        assertThat(stored.get(0)).contains(" 2026.1 1440 ");
        assertThat(stored.get(1)).contains(" " + TestSettings.RULES_2030 + " 720 ");
        assertThat(stored.get(2)).contains(" " + TestSettings.RULES_2030 + " 720 ");

        Api.Response rebuild = api.post("/api/v1/admin/read-models/rebuild", "{}", Map.of());
        assertThat(rebuild.status()).as(rebuild.text()).isEqualTo(202);
        awaitReadModels();
        assertThat(storedRows(pathway)).as("a rebuild gives the same history").isEqualTo(stored);
    }
}
