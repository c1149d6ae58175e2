package no.pathway.api.admin;

import static no.pathway.api.support.Events.housing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import no.pathway.api.eventstore.ReadModelEventHandler;
import no.pathway.api.eventstore.ReadModelNodeId;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestDatabase;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two instances on one database: this test's application and the packaged jar as a process of its own. The read-model
 * segments are spread between them; after a kill -9 of the process the survivor owns every segment within 2 s, and
 * events posted right after the kill reach the read models soon after. Prints the figures (docs/performance.md).
 */
class MultiInstanceIT extends ApiIT {
    private static final Duration TAKEOVER = Duration.ofSeconds(2);
    /** The takeover plus the survivor's first batches; looser, so that a loaded machine does not fail the test. */
    private static final Duration ARRIVAL = Duration.ofSeconds(4);
    private static final Path JAR = Path.of("target", "pathway.jar");

    @Autowired
    private ReadModelNodeId node;

    private Map<String, List<Integer>> segmentsByOwner() {
        Map<String, List<Integer>> owners = new HashMap<>();
        jdbc.sql("SELECT owner, segment FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL")
                .param(ReadModelEventHandler.PROCESSING_GROUP)
                .query((rs, n) -> owners.computeIfAbsent(rs.getString(1), o -> new ArrayList<>()).add(rs.getInt(2)))
                .list();
        return owners;
    }

    private boolean projected(String pathwayId) {
        return jdbc.sql("SELECT count(*) FROM pathway_summary WHERE pathway_id = ?").param(pathwayId)
                .query(Long.class).single() > 0;
    }

    private static Process start(int port) throws IOException {
        assertThat(JAR).as("the packaged service (built in the package phase)").exists();
        Path dir = Files.createTempDirectory("pathway-instance");
        return new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString(),
                "--server.port=" + port, "--spring.datasource.url=" + TestDatabase.url(),
                "--pathway.security.dev-issuer.key-file=" + TestDatabase.devIssuerKeyFile(),
                "--pathway.vault.kek-file=" + TestDatabase.vaultKekFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private List<Map<String, Object>> newPathways(int count) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(housing(TestPersons.next(), "2026-03-02T08:00:00Z", "OWN"));
        }
        return events;
    }

    private List<String> post(List<Map<String, Object>> events) {
        Api.Response posted = api.post("/api/v1/events/batch", Map.of("events", events));
        assertThat(posted.status()).as(posted.text()).isEqualTo(200);
        List<String> pathways = new ArrayList<>();
        posted.json().get("results").forEach(r -> pathways.add(r.get("pathwayId").stringValue()));
        return pathways;
    }

    private boolean ownsEverySegment() {
        Map<String, List<Integer>> owners = segmentsByOwner();
        return owners.size() == 1 && owners.getOrDefault(node.value(), List.of()).size() == 8;
    }

    @Test
    void the_segments_are_spread_and_a_killed_instances_share_is_taken_over_within_2_s() throws Exception {
        post(newPathways(16)); // a first request is slow (class loading): not what is measured
        awaitReadModels();
        Process other = start(freePort());
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<String, List<Integer>> owners = segmentsByOwner();
                return owners.size() == 2 && owners.values().stream().allMatch(s -> s.size() == 4);
            });
            Map<String, List<Integer>> spread = segmentsByOwner();
            assertThat(spread).containsKey(node.value()).hasSize(2);
            List<Integer> killedSegments = spread.entrySet().stream().filter(e -> !e.getKey().equals(node.value()))
                    .findFirst().orElseThrow().getValue();

            List<Map<String, Object>> events = newPathways(16);
            other.destroyForcibly(); // SIGKILL: no claim is released, no heartbeat says goodbye
            long killed = System.nanoTime();
            CompletableFuture<Duration> takeover = CompletableFuture.supplyAsync(() -> {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                        .until(this::ownsEverySegment);
                return Duration.ofNanos(System.nanoTime() - killed);
            }, task -> new Thread(task).start());
            List<String> pathways = post(events);
            assertThat(pathways).as("some of the new pathways are in the killed instance's segments")
                    .anyMatch(p -> killedSegments.contains(p.hashCode() & 7));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                    .until(() -> pathways.stream().allMatch(this::projected));
            Duration arrived = Duration.ofNanos(System.nanoTime() - killed);
            System.out.printf("MultiInstanceIT: segments taken over %d ms after the kill, new events in the read "
                    + "models %d ms after the kill%n", takeover.join().toMillis(), arrived.toMillis());

            assertThat(takeover.join()).isLessThanOrEqualTo(TAKEOVER);
            assertThat(arrived).as("the takeover and the survivor's batches").isLessThanOrEqualTo(ARRIVAL);
        } finally {
            other.destroyForcibly().waitFor();
        }
    }
}
