package no.pathway.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The integration tests' PostgreSQL: fresh databases on the local server at 127.0.0.1:5432 when one answers (as on
 * the project's machines and in CI), otherwise on an embedded PostgreSQL. Made once per test JVM and dropped at its
 * end: the one most tests share, and any a test class needs to itself.
 */
public final class TestDatabase {
    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/";
    private static String server;
    private static String url;

    private TestDatabase() {
    }

    /** The database most test classes share (one Spring context). */
    public static synchronized String url() {
        if (url == null) {
            url = create("pathway_it_" + ProcessHandle.current().pid());
        }
        return url;
    }

    /** A database of its own, for a test class whose assertions need a store nobody else writes to. */
    public static synchronized String url(String purpose) {
        return create("pathway_it_" + ProcessHandle.current().pid() + "_" + purpose);
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

    private static String create(String name) {
        String base = server();
        try (Connection c = DriverManager.getConnection(base + "postgres", user(), "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + name, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(base, name)));
        return base + name;
    }

    private static synchronized String server() {
        if (server == null) {
            server = localAnswers() ? LOCAL : embedded();
        }
        return server;
    }

    private static boolean localAnswers() {
        try (Connection c = DriverManager.getConnection(LOCAL + "postgres", user(), "")) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void drop(String base, String name) {
        try (Connection c = DriverManager.getConnection(base + "postgres", user(), "");
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
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
        } catch (IOException e) {
            throw new IllegalStateException("No local PostgreSQL and the embedded one did not start", e);
        }
    }
}
