package no.pathway.api.logging;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import no.pathway.api.support.Api;
import no.pathway.api.support.TestDatabase;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Structured JSON logs in a real run (docs/operations.md, "Logs"): the run command's jar, started as a process of its
 * own with {@code --logging.structured.format.console=ecs} (logging is set up once per JVM, so not in the suite's
 * JVM), on a database of its own. Requests carrying national identity numbers in every place a client can put one,
 * and with safe and unsafe request ids; then every line the process wrote is one JSON object, none holds either
 * number, and the lines written inside a request carry its id as {@code requestId}, the caller's when it was safe.
 */
class JsonLogsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> OUTPUT = new CopyOnWriteArrayList<>();
    private static Process service;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        Path data = Files.createTempDirectory("pathway-json-logs");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx512m", "-jar", Path.of("target", "pathway.jar").toAbsolutePath().toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + TestDatabase.url("json_logs"),
                "--spring.datasource.username=" + TestDatabase.applicationRole(),
                "--spring.flyway.user=" + TestDatabase.owner(),
                "--pathway.security.dev-issuer.key-file=" + data.resolve("dev-issuer-key.json"),
                "--pathway.vault.kek-file=" + data.resolve("vault-kek.development.json"),
                "--logging.structured.format.console=ecs",
                // a line inside every request: Spring Security names the request it secures
                "--logging.level.org.springframework.security.web.FilterChainProxy=DEBUG"));
        service = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(service.getInputStream(),
                    StandardCharsets.UTF_8))) {
                lines.lines().forEach(OUTPUT::add);
            } catch (IOException | UncheckedIOException e) {
                // the process ended and its output closed
            }
        }, "json-logs-reader");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(service.isAlive()).as("the service runs: %s", OUTPUT).isTrue();
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    private record Answer(int status, String requestId, String body) {
    }

    private static Answer post(String path, String token, String body, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("X-Request-Id").orElse(null),
                response.body());
    }

    private static String token(String roles, String client) throws Exception {
        Answer minted = post("/dev/tokens", null, "{\"roles\": " + roles + ", \"client\": \"" + client
                + "\", \"municipalities\": [\"0301\"]}", null);
        assertThat(minted.status()).as(minted.body()).isEqualTo(200);
        return Api.JSON.readTree(minted.body()).get("accessToken").stringValue();
    }

    @Test
    void every_line_is_json_without_an_identity_number_and_a_request_names_its_id() throws Exception {
        String person = TestPersons.next();
        String other = TestPersons.next();
        String source = token("[\"SOURCE\"]", "demo-all-settings");
        String auditor = token("[\"AUDITOR\"]", "helsetilsynet");
        String at = "2026-03-02T08:00:00Z";

        Answer stored = post("/api/v1/events", source, Api.JSON.writeValueAsString(event("EPISODE_ENDED", person, at,
                "episodeId", "avr-1", "setting", "DETOX", "endReason", "COMPLETED", "municipality", "0301")),
                "integrator-42.a_b");
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.requestId()).isEqualTo("integrator-42.a_b");
        String pathway = Api.JSON.readTree(stored.body()).get("pathwayId").stringValue();
        Answer unsafe = post("/api/v1/events", source, Api.JSON.writeValueAsString(event("HANDOVER_REJECTED", person,
                at, "handoverId", "h", "reason", "patient " + other)), other);
        assertThat(unsafe.status()).isEqualTo(400);
        assertThat(unsafe.requestId()).as("an unsafe id is replaced").matches("[a-z]{24}");
        post("/api/v1/events", source, "{\"personId\": \"" + other + "\", broken", "a b");
        post("/api/v1/pathways/lookup", auditor, Api.JSON.writeValueAsString(Map.of("personId", other)), null);
        Answer revealed = post("/api/v1/pathways/" + pathway + "/identity", auditor,
                Api.JSON.writeValueAsString(Map.of("purpose", "AUDIT", "note", "re " + other)), null);
        assertThat(revealed.status()).as(revealed.body()).isIn(200, 400);

        await().atMost(Duration.ofSeconds(30)).until(() -> OUTPUT.stream()
                .anyMatch(l -> l.contains("integrator-42.a_b")));
        List<String> lines = List.copyOf(OUTPUT);
        assertThat(lines).hasSizeGreaterThan(20);
        List<JsonNode> objects = new ArrayList<>();
        for (String line : lines) {
            assertThat(line).doesNotContain(person).doesNotContain(other);
            if (line.startsWith("OpenJDK") || line.isBlank()) {
                continue; // the JVM's own warnings, before logging starts
            }
            JsonNode json = Api.JSON.readTree(line);
            assertThat(json.isObject()).as(line).isTrue();
            assertThat(json.has("@timestamp") && json.has("message")).as(line).isTrue();
            objects.add(json);
        }
        assertThat(objects).as("a line inside the first request names its id")
                .anyMatch(j -> "integrator-42.a_b".equals(requestId(j))
                        && j.get("message").toString().contains("/api/v1/events"));
        assertThat(objects).as("the replaced id is the one logged")
                .anyMatch(j -> unsafe.requestId().equals(requestId(j)));
    }

    private static String requestId(JsonNode line) {
        JsonNode id = line.findValue(RequestIds.MDC_KEY);
        return id == null || !id.isString() ? null : id.stringValue();
    }
}
