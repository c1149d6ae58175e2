package no.pathway.api.security;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Both sides of a move (docs/security.md, "Responsibility across a move"). A gap belongs to the municipality
 * responsible at its trigger; the previous municipality keeps the pathway while one of its gaps is unresolved and
 * then loses it; the new municipality sees the pathway from the move on, with its own gaps only. The move here is
 * the attack of finding 5: one event from an unrelated source naming another municipality, a few minutes ahead.
 */
class MoveIT extends ApiIT {
    private static final String NO_SUCH = "C".repeat(43);

    /** Municipalities of this test alone, so that other tests' gaps do not interfere. */
    private final String before = String.valueOf(7000 + ThreadLocalRandom.current().nextInt(1000));
    private final String after = String.valueOf(8000 + ThreadLocalRandom.current().nextInt(1000));

    /** What a coordinator reaches of the pathway: statuses, and the gap ids it is shown where it is shown any. */
    record Reach(int summary, int lookup, int gaps, Set<String> gapsShown, Set<String> dashboard) {
    }

    private Reach reach(Api coordinator, String municipality, String person, String pathway) {
        Api.Response gaps = coordinator.get("/api/v1/pathways/" + pathway + "/gaps");
        return new Reach(coordinator.get("/api/v1/pathways/" + pathway).status(),
                coordinator.post("/api/v1/pathways/lookup", Map.of("personId", person)).status(),
                gaps.status(), gaps.status() == 200 ? ids(gaps.json().get("gaps")) : Set.of(),
                ids(coordinator.get("/api/v1/gaps?municipality=" + municipality + "&limit=500").json()
                        .get("items")));
    }

    private static Set<String> ids(JsonNode gaps) {
        Set<String> ids = new HashSet<>();
        gaps.forEach(g -> ids.add(g.get("gapId").stringValue()));
        return ids;
    }

    private void post(Api source, Map<String, Object> event) {
        Api.Response response = source.post("/api/v1/events", event);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    private String overdoseGap(String pathway, String municipality) {
        JsonNode gaps = api.get("/api/v1/pathways/" + pathway + "/gaps").json().get("gaps");
        for (JsonNode gap : gaps) {
            if (gap.get("rule").stringValue().equals("OVERDOSE_NO_FOLLOW_UP_48H")
                    && municipality.equals(gap.get("municipality").stringValue())) {
                return gap.get("gapId").stringValue();
            }
        }
        throw new AssertionError("no overdose gap of " + municipality + " in " + gaps);
    }

    @Test
    void the_previous_municipality_keeps_its_gaps_until_they_close_and_the_new_one_sees_only_its_own() {
        Api oldCoordinator = api.as(token("kommune-before", Set.of(Role.COORDINATOR), Set.of(before)));
        Api newCoordinator = api.as(token("kommune-after", Set.of(Role.COORDINATOR), Set.of(after)));
        Api nav = api.as(token("nav", Set.of(Role.SOURCE), Set.of()));
        Api hospital = api.as(token("ahus-dips", Set.of(Role.SOURCE), Set.of()));
        String person = TestPersons.next();
        Instant now = clock.instant();

        // before the move: an overdose in the old municipality, a gap of its own
        post(api, event("OVERDOSE_RECORDED", person, now.minus(Duration.ofHours(2)).toString(),
                "fatal", false, "municipality", before));
        String pathway = pathwayOf(person);
        awaitReadModels();
        String first = overdoseGap(pathway, before);
        assertThat(reach(oldCoordinator, before, person, pathway))
                .isEqualTo(new Reach(200, 200, 200, Set.of(first), Set.of(first)));
        assertThat(reach(newCoordinator, after, person, pathway))
                .isEqualTo(new Reach(404, 404, 404, Set.of(), Set.of()));

        // the move: one event from an unrelated source, a few minutes ahead; then a new overdose after it
        post(nav, event("ACTIVITY_RECORDED", person, now.plus(Duration.ofMinutes(3)).toString(),
                "activity", "WORK", "municipality", after));
        post(api, event("OVERDOSE_RECORDED", person, now.plus(Duration.ofMinutes(4)).toString(),
                "fatal", false));
        clock.advance(Duration.ofMinutes(10));
        awaitReadModels();
        String second = overdoseGap(pathway, after);
        assertThat(reach(oldCoordinator, before, person, pathway)).as("the old municipality finishes its follow-up")
                .isEqualTo(new Reach(200, 200, 200, Set.of(first), Set.of(first)));
        assertThat(reach(newCoordinator, after, person, pathway)).as("the new one sees the pathway, its own gaps")
                .isEqualTo(new Reach(200, 200, 200, Set.of(second), Set.of(second)));
        assertThat(newCoordinator.post("/api/v1/gaps/" + first + "/acknowledge", Map.of("note", "not ours"))
                .status()).isEqualTo(404);
        assertThat(oldCoordinator.post("/api/v1/gaps/" + first + "/acknowledge", Map.of("note", "calling them"))
                .status()).isEqualTo(201);
        assertThat(oldCoordinator.get("/api/v1/pathways/" + pathway).json().get("prospectiveGaps").longValue())
                .as("its own gaps only").isEqualTo(1);

        // the old municipality's gap closes: a treatment start an hour after its overdose
        post(hospital, event("EPISODE_STARTED", person, now.minus(Duration.ofHours(1)).toString(),
                "episodeId", "pol-1", "setting", "OUTPATIENT"));
        awaitReadModels();
        assertThat(reach(oldCoordinator, before, person, pathway)).as("nothing left to finish: gone")
                .isEqualTo(new Reach(404, 404, 404, Set.of(), Set.of()));
        assertThat(oldCoordinator.get("/api/v1/pathways/" + pathway).text())
                .isEqualTo(oldCoordinator.get("/api/v1/pathways/" + NO_SUCH).text());
        assertThat(oldCoordinator.post("/api/v1/gaps/" + first + "/acknowledge", Map.of("note", "late"))
                .status()).isEqualTo(404);
        assertThat(reach(newCoordinator, after, person, pathway))
                .isEqualTo(new Reach(200, 200, 200, Set.of(second), Set.of(second)));
        // the closed gap stays the old municipality's in its worklist's history, counts and indicators
        assertThat(ids(oldCoordinator.get("/api/v1/gaps?status=CLOSED&municipality=" + before).json()
                .get("items"))).containsExactly(first);
        JsonNode counts = oldCoordinator.get("/api/v1/gaps/summary?groupBy=municipality").json().get("groups");
        assertThat(counts.findValues("closedOnTime").stream().mapToLong(JsonNode::longValue).sum()).isEqualTo(1);
        JsonNode indicators = oldCoordinator.get("/api/v1/indicators?groupBy=municipality&municipality=" + before)
                .json().get("indicators");
        assertThat(indicators).singleElement().satisfies(i -> {
            assertThat(i.get("rule").stringValue()).isEqualTo("OVERDOSE_NO_FOLLOW_UP_48H");
            assertThat(i.get("closedOnTime").longValue()).isEqualTo(1);
        });
        JsonNode newIndicators = newCoordinator.get("/api/v1/indicators?groupBy=municipality&municipality=" + after)
                .json().get("indicators");
        assertThat(newIndicators).singleElement().satisfies(i -> assertThat(i.get("prospective").longValue())
                .isEqualTo(1));
    }
}
