package no.pathway.api.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;

/**
 * The shared example pathways (copied from shared/scenarios), posted and judged through the HTTP API exactly as
 * shared/tools/run-scenarios.py does: the set of (rule, triggeredBy) must match and every listed field must equal.
 */
class ScenariosIT extends ApiIT {

    static Stream<Resource> scenarios() throws IOException {
        return Stream.of(new PathMatchingResourcePatternResolver().getResources("classpath:scenarios/*.json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario_passes_through_the_api(Resource file) throws IOException {
        JsonNode scenario;
        try (InputStream in = file.getInputStream()) {
            scenario = Api.JSON.readTree(in);
        }
        String pathwayId = null;
        for (JsonNode event : scenario.get("events")) {
            Api.Response response = api.post("/api/v1/events", Api.JSON.writeValueAsString(event), Map.of());
            assertThat(response.status()).as(response.text()).isIn(200, 201);
            pathwayId = response.json().get("pathwayId").stringValue();
        }
        List<String> failures = new ArrayList<>();
        for (JsonNode check : scenario.get("checks")) {
            String at = check.get("at").stringValue();
            Api.Response response = api.get("/api/v1/pathways/" + pathwayId + "/gaps?at=" + at);
            assertThat(response.status()).isEqualTo(200);
            Map<String, JsonNode> got = new HashMap<>();
            response.json().get("gaps").forEach(g -> got.put(key(g), g));
            Map<String, JsonNode> want = new HashMap<>();
            check.get("gaps").forEach(g -> want.put(key(g), g));
            assertThat(got.keySet()).as("gaps at %s", at).containsExactlyInAnyOrderElementsOf(want.keySet());
            want.forEach((key, expected) -> expected.propertyNames().forEach(field -> {
                JsonNode actual = got.get(key).get(field);
                if (!same(field, expected.get(field), actual)) {
                    failures.add("at " + at + " " + key + " " + field + ": expected " + expected.get(field)
                            + ", got " + actual);
                }
            }));
        }
        assertThat(failures).isEmpty();
    }

    private static String key(JsonNode gap) {
        return gap.get("rule").stringValue() + "/" + gap.get("triggeredBy").stringValue();
    }

    private static boolean same(String field, JsonNode expected, JsonNode actual) {
        if (actual == null) {
            return false;
        }
        if (field.endsWith("At") && expected.isString()) {
            return Instant.parse(expected.stringValue()).equals(Instant.parse(actual.stringValue()));
        }
        return expected.equals(actual);
    }
}
