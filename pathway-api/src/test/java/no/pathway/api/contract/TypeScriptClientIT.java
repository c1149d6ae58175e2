package no.pathway.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.pathway.api.security.Role;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The TypeScript client generated from the published document (typescript-fetch, into
 * target/generated-clients/typescript, unedited) compiles under {@code tsc --strict} and, run by Node against the
 * live service, posts an event and reads the gaps. TypeScript comes from npm (src/test/typescript/package.json).
 * Skipped, saying so, only where Node.js is not installed.
 */
class TypeScriptClientIT extends ApiIT {
    private static final Path SOURCES = Path.of("src/test/typescript");
    private static final Path GENERATED = Path.of("target/generated-clients/typescript");
    private static final Path WORK = Path.of("target/typescript-client-check");

    @Test
    void the_generated_typescript_client_compiles_posts_an_event_and_reads_the_gaps() throws IOException {
        Assumptions.assumeTrue(nodeIsInstalled(), "Node.js is not installed (no `node` on the PATH): the generated "
                + "TypeScript client is not checked. Install Node.js 20 or later to check it.");
        prepare();
        if (!Files.isDirectory(WORK.resolve("node_modules/typescript"))) {
            run(Map.of(), 600, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
        }
        run(Map.of(), 300, "node", "node_modules/typescript/bin/tsc", "-p", ".");

        String person = TestPersons.next();
        String output = run(Map.of("PATHWAY_BASE", "http://127.0.0.1:" + port,
                "PATHWAY_TOKEN", token("test-source", Set.of(Role.values()), Set.of()),
                "PATHWAY_PERSON", person,
                "PATHWAY_OCCURRED_AT", clock.instant().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                        .toString()), 120, "node", "dist/check.js");

        JsonNode answer = Api.JSON.readTree(output.lines().reduce((first, last) -> last).orElseThrow());
        assertThat(answer.get("pathwayId").stringValue()).isEqualTo(pathwayOf(person));
        assertThat(answer.get("sequence").asLong()).isZero();
        assertThat(answer.get("gaps").findValuesAsString("rule")).contains("DETOX_NO_TREATMENT_24H");
        assertThat(answer.get("refused").asInt()).isEqualTo(400);
    }

    private static boolean nodeIsInstalled() {
        try {
            return new ProcessBuilder("node", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The check's sources and the generated client, copied as they are into one folder. */
    private static void prepare() throws IOException {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "tsconfig.json", "check.ts")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        try (Stream<Path> files = Files.walk(GENERATED)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = WORK.resolve("client").resolve(GENERATED.relativize(file));
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String run(Map<String, String> environment, int seconds, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
            String text = new String(output, StandardCharsets.UTF_8);
            assertThat(ended && process.exitValue() == 0).as("%s failed:%n%s", String.join(" ", command), text)
                    .isTrue();
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
