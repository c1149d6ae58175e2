package no.pathway.api.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.PathwayGenerator;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.gaps.GapRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * For random but plausible pathways, the projected gap rows equal the on-demand evaluation of the event store,
 * before and after a full rebuild of the read models, with the same gap ids.
 */
class GapProjectionIT extends ApiIT {
    private static final int PATHWAYS = 60;

    @Autowired
    GapRows gapRows;

    @Test
    void projected_gaps_equal_the_on_demand_evaluation_before_and_after_a_replay() {
        PathwayGenerator generator = new PathwayGenerator(20261123L, clock.instant().minusSeconds(3600));
        List<String> pathways = new ArrayList<>();
        int events = 0;
        for (int i = 0; i < PATHWAYS; i++) {
            PathwayGenerator.Pathway p = generator.next();
            JsonNode results = api.post("/api/v1/events/batch", Map.of("events", p.events())).json().get("results");
            for (JsonNode r : results) {
                assertThat(r.get("status").intValue()).as(r.toString()).isEqualTo(201);
            }
            pathways.add(results.get(0).get("pathwayId").stringValue());
            events += p.events().size();
        }
        assertThat(events).as("a test worth its name").isGreaterThan(PATHWAYS * 5);
        awaitReadModels();

        Map<String, List<String>> before = compareEveryPathway(pathways);
        assertThat(before.values().stream().mapToInt(List::size).sum()).isGreaterThan(PATHWAYS * 2);

        assertThat(api.post("/api/v1/admin/read-models/rebuild", "{}", Map.of()).status()).isEqualTo(202);
        awaitReadModels();

        assertThat(compareEveryPathway(pathways)).isEqualTo(before);
    }

    /** Compares projection and evaluation for each pathway; answers the gap ids per pathway. */
    private Map<String, List<String>> compareEveryPathway(List<String> pathways) {
        Instant now = clock.instant();
        Map<String, List<String>> ids = new HashMap<>();
        for (String pathwayId : pathways) {
            JsonNode evaluated = api.get("/api/v1/pathways/" + pathwayId + "/gaps?at=" + now + "&knownAt=" + now)
                    .json().get("gaps");
            List<Gap> projected = gapRows.ofPathway(pathwayId).stream()
                    .sorted(Comparator.comparing(Gap::gapId)).toList();
            Map<String, JsonNode> byId = new HashMap<>();
            evaluated.forEach(g -> byId.put(g.get("gapId").stringValue(), g));
            assertThat(projected).extracting(Gap::gapId).containsExactlyInAnyOrderElementsOf(byId.keySet());
            for (Gap row : projected) {
                JsonNode view = byId.get(row.gapId());
                String what = pathwayId + " " + row.rule() + " " + row.triggeredBy();
                assertThat(row.statusAt(now).name()).as(what).isEqualTo(view.get("status").stringValue());
                assertThat(row.dueAt()).as(what).isEqualTo(Instant.parse(view.get("dueAt").stringValue()));
                assertThat(row.municipality()).as(what).isEqualTo(text(view, "municipality"));
                assertThat(row.detail()).as(what).isEqualTo(text(view, "detail"));
                if (view.has("closedAt")) {
                    assertThat(row.closedAt()).as(what).isEqualTo(Instant.parse(view.get("closedAt").stringValue()));
                    assertThat(row.closedBy()).as(what).isEqualTo(text(view, "closedBy"));
                }
                if (view.has("reason")) {
                    assertThat(row.reason().name()).as(what).isEqualTo(text(view, "reason"));
                }
            }
            ids.put(pathwayId, projected.stream().map(Gap::gapId).toList());
        }
        return ids;
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).stringValue() : null;
    }
}
