package no.pathway.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The integration tests' PostgreSQL: a fresh database on the local server at 127.0.0.1:5432 when one answers
 * (as on the project's machines and in CI), otherwise an embedded PostgreSQL. Made once per test JVM.
 */
public final class TestDatabase {
    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/";
    private static String url;

    private TestDatabase() {
    }

    public static synchronized String url() {
        if (url == null) {
            url = local().orElseGet(TestDatabase::embedded);
        }
        return url;
    }

    public static String user() {
        return "postgres";
    }

    private static String keyFile;

    /** A development issuer key of this test JVM alone. */
    public static synchronized String devIssuerKeyFile() {
        if (keyFile == null) {
            try {
                keyFile = Files.createTempDirectory("pathway-it-issuer").resolve("dev-issuer-key.json").toString();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return keyFile;
    }

    /**
     * A further fresh database on the same server, for a test that needs one of its own (another instance's view, an
     * outage it causes); dropped when the test JVM exits.
     */
    public static synchronized String another(String suffix) {
        String server = server();
        String name = "pathway_it_" + ProcessHandle.current().pid() + "_" + suffix;
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(server, name)));
        return server + name;
    }

    /** A superuser connection to the server's {@code postgres} database, for what a test does to a database whole. */
    public static Connection admin() throws SQLException {
        return DriverManager.getConnection(server() + "postgres", user(), "");
    }

    /** The server's address up to the database name (an embedded server's URL carries parameters after it). */
    private static String server() {
        String database = url().split("\\?")[0];
        return database.substring(0, database.lastIndexOf('/') + 1);
    }

    private static java.util.Optional<String> local() {
        String name = "pathway_it_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(LOCAL + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(LOCAL, name)));
            return java.util.Optional.of(LOCAL + name);
        } catch (SQLException e) {
            return java.util.Optional.empty();
        }
    }

    private static void drop(String server, String name) {
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // the server is going away too; nothing to clean
        }
    }

    private static String embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("pathway-it-pg"))
                    .start();
            return postgres.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new IllegalStateException("No local PostgreSQL and the embedded one did not start", e);
        }
    }
}
