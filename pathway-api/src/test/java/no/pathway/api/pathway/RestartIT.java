package no.pathway.api.pathway;

import static no.pathway.api.support.Events.housing;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import no.pathway.api.security.DevIssuer;
import no.pathway.api.security.Role;
import no.pathway.api.support.TestTokens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.pathway.api.PathwayApplication;
import no.pathway.api.support.Api;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The run command's path: no datasource configured, so the service starts its embedded PostgreSQL; after a stop
 * and a start on the same data folder every acknowledged event and every idempotency key is still there, and the
 * person behind the pathway can still be revealed (the development vault key was generated into the data folder).
 */
class RestartIT {

    /**
     * Starts the service as the run command does, on a data folder of the test's own. Command-line arguments, not
     * default properties: those rank below application.properties, which names the real data folder and port 8080.
     */
    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(PathwayApplication.class).run("--server.port=0", "--spring.datasource.url=",
                "--pathway.embedded-db.dir=" + dataDir.resolve("postgres"),
                "--pathway.security.dev-issuer.key-file=" + dataDir.resolve("dev-issuer-key.json"),
                "--pathway.vault.kek-file=" + dataDir.resolve("vault-kek.development.json"));
    }

    private static Api api(ConfigurableApplicationContext context) {
        String token = TestTokens.mint(context.getBean(DevIssuer.class), "demo-all-settings",
                Set.of(Role.SOURCE, Role.AUDITOR), Set.of(), Duration.ofMinutes(10));
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort(), token);
    }

    @Test
    void a_restart_keeps_every_acknowledged_event() throws Exception {
        Path dataDir = Files.createTempDirectory("pathway-restart");
        String person = TestPersons.next();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(housing(person, "2026-03-0" + (1 + i % 9) + "T08:00:00Z", "OWN"));
        }
        JsonNode firstAnswer;
        String pathwayId;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api api = api(first);
            firstAnswer = api.post("/api/v1/events", events.get(0)).json();
            pathwayId = firstAnswer.get("pathwayId").stringValue();
            api.post("/api/v1/events/batch", Map.of("events", events.subList(1, events.size())));
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api api = api(second);
            assertThat(api.get("/api/v1/pathways/" + pathwayId + "/history").json().get("events")).hasSize(20);
            Api.Response retry = api.post("/api/v1/events", events.get(0));
            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.json()).isEqualTo(firstAnswer);
            assertThat(api.post("/api/v1/events", housing(person, "2026-03-10T08:00:00Z", "OWN"))
                    .json().get("sequence").longValue()).isEqualTo(20);
            Api.Response revealed = api.post("/api/v1/pathways/" + pathwayId + "/identity",
                    Map.of("purpose", "AUDIT"));
            assertThat(revealed.status()).isEqualTo(200);
            assertThat(revealed.json().get("personId").stringValue()).isEqualTo(person);
        }
    }
}
