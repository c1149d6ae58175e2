package no.pathway.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The integration tests' PostgreSQL: fresh databases on the local server at 127.0.0.1:5432 when one answers (as on
 * the project's machines and in CI), otherwise on an embedded PostgreSQL. Made once per test JVM and dropped at its
 * end: the one most tests share, and any a test class needs to itself. Migrations run as the owner, the application
 * as its own role (docs/operations.md, "Database roles").
 */
public final class TestDatabase {
    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/";
    private static String server;
    private static String url;
    private static JdbcClient owner;

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

    /** A database of its own, already migrated, for a test that uses the schema without the application. */
    public static synchronized String migrated(String purpose) {
        String migrated = url(purpose);
        Flyway.configure().dataSource(migrated, owner(), "").locations("classpath:db/migration")
                .placeholders(Map.of("application-role", applicationRole())).load().migrate();
        return migrated;
    }

    /** The owner of the schema, who runs the migrations; tests use it to break things on purpose. */
    public static String owner() {
        return "postgres";
    }

    /** The application's own role (application.properties), made by the migrations. */
    public static String applicationRole() {
        return "pathway_app";
    }

    /** A connection as the owner, for tests that alter what the application's role may not. */
    public static synchronized JdbcClient asOwner() {
        if (owner == null) {
            owner = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), url(), owner(), ""));
        }
        return owner;
    }

    private static String keyFile;

    /** A development issuer key of this test JVM alone. */
    public static synchronized String devIssuerKeyFile() {
        if (keyFile == null) {
            keyFile = temporary("pathway-it-issuer", "dev-issuer-key.json");
        }
        return keyFile;
    }

    private static String vaultKekFile;

    /** A development key-encryption keyset of this test JVM alone (generated at the first start). */
    public static synchronized String vaultKekFile() {
        if (vaultKekFile == null) {
            vaultKekFile = temporary("pathway-it-vault", "vault-kek.development.json");
        }
        return vaultKekFile;
    }

    private static String temporary(String directory, String file) {
        try {
            return Files.createTempDirectory(directory).resolve(file).toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String create(String name) {
        String base = server();
        try (Connection c = DriverManager.getConnection(base + "postgres", owner(), "");
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
        try (Connection c = DriverManager.getConnection(LOCAL + "postgres", owner(), "")) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void drop(String base, String name) {
        try (Connection c = DriverManager.getConnection(base + "postgres", owner(), "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // the server is going away too; nothing to clean
        }
    }

    /** No user in the URL: the driver would prefer it to the application's role. */
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
