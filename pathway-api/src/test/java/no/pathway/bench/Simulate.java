package no.pathway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.pathway.api.support.PathwayGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a demonstration dataset into a running service: seeded, plausible pathways of synthetic people, posted
 * through the real API in batches. With the development issuer it mints its own source token; otherwise give one
 * in PATHWAY_POST_AUTH ("Bearer ..."). Usage: see docs/operations.md.
 */
public final class Simulate {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Simulate() {
    }

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("simulate.base", "http://localhost:8080").replaceAll("/$", "");
        int pathways = Integer.getInteger("simulate.pathways", 500);
        long seed = Long.getLong("simulate.seed", 2026L);
        HttpClient http = HttpClient.newHttpClient();
        String auth = System.getenv("PATHWAY_POST_AUTH");
        if (auth == null) {
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base + "/dev/tokens"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"roles\":[\"SOURCE\"],\"client\":\"demo-all-settings\",\"minutes\":120}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (token.statusCode() != 200) {
                throw new IllegalStateException("no development issuer at " + base + "; set PATHWAY_POST_AUTH");
            }
            auth = "Bearer " + JSON.readTree(token.body()).get("accessToken").stringValue();
        }
        PathwayGenerator generator = new PathwayGenerator(seed, Instant.now().minus(Duration.ofHours(1)));
        List<Map<String, Object>> batch = new ArrayList<>();
        long stored = 0;
        for (int i = 0; i < pathways; i++) {
            List<Map<String, Object>> events = generator.next().events();
            if (batch.size() + events.size() > 1000) {
                stored += post(http, base, auth, batch);
                batch = new ArrayList<>();
            }
            batch.addAll(events);
        }
        stored += post(http, base, auth, batch);
        System.out.printf("posted %,d pathways, %,d events stored or already there%n", pathways, stored);
    }

    private static long post(HttpClient http, String base, String auth, List<Map<String, Object>> events)
            throws Exception {
        if (events.isEmpty()) {
            return 0;
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events/batch"))
                .header("Content-Type", "application/json").header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("events", events))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("batch answered " + r.statusCode() + ": " + r.body());
        }
        long ok = 0;
        for (JsonNode result : JSON.readTree(r.body()).get("results")) {
            int status = result.get("status").intValue();
            if (status == 201 || status == 200) {
                ok++;
            } else {
                System.err.println("refused: " + result);
            }
        }
        return ok;
    }
}
