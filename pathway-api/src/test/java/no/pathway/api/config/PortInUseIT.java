package no.pathway.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import no.pathway.api.PathwayApplication;
import no.pathway.api.support.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.PortInUseException;

/**
 * A port already in use fails the start at once, naming the port, before the database is touched: a configured
 * database that does not exist is never noticed, no embedded PostgreSQL is started (in the outage drill the port was
 * reported after 23 s, once the migrations had run).
 */
class PortInUseIT {

    @ParameterizedTest(name = "port taken on {0}, {1} database")
    @CsvSource({"0.0.0.0, configured", "127.0.0.1, configured", "0.0.0.0, embedded"})
    void a_port_in_use_fails_the_start_before_the_database_is_touched(String squatter, String database)
            throws Exception {
        Path dataDir = Files.createTempDirectory("pathway-port");
        // a database that does not exist: touching it would fail the start with another error than the port's
        String url = database.equals("configured")
                ? TestDatabase.url().replaceFirst("/([^/?]+)(\\?|$)", "/$1_absent$2") : "";
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName(squatter), 0));
            List<String> args = List.of("--server.port=" + taken.getLocalPort(),
                    "--spring.datasource.url=" + url, "--pathway.embedded-db.dir=" + dataDir.resolve("postgres"),
                    "--pathway.security.dev-issuer.key-file=" + dataDir.resolve("dev-issuer-key.json"),
                    "--pathway.vault.kek-file=" + dataDir.resolve("vault-kek.development.json"));

            long start = System.nanoTime();
            Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(PathwayApplication.class)
                    .run(args.toArray(String[]::new)).close());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(failure).isInstanceOf(PortInUseException.class);
            assertThat(((PortInUseException) failure).getPort()).isEqualTo(taken.getLocalPort());
            assertThat(took).isLessThan(Duration.ofSeconds(20));
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no embedded database started, no key made")
                    .isEmpty();
        }
    }
}
