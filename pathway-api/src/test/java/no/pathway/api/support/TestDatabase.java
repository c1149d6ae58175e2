package no.pathway.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The integration tests' PostgreSQL: a fresh database on the local server at 127.0.0.1:5432 when one answers
 * (as on the project's machines and in CI), otherwise an embedded PostgreSQL. Made once per test JVM.
 */
public final class TestDatabase {
    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/";
    private static String url;
    private static JdbcClient owner;

    private TestDatabase() {
    }

    public static synchronized String url() {
        if (url == null) {
            url = local().orElseGet(TestDatabase::embedded);
        }
        return url;
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
            try {
                keyFile = Files.createTempDirectory("pathway-it-issuer").resolve("dev-issuer-key.json").toString();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return keyFile;
    }

    /**
     * A second fresh database on the same server, migrated by Flyway as the owner, for tests that must not share
     * the application's rows (dropped with the test JVM).
     */
    public static synchronized String another(String suffix) {
        String base = url();
        int slash = base.lastIndexOf('/');
        int query = base.indexOf('?', slash);
        String name = "pathway_it_" + ProcessHandle.current().pid() + "_" + suffix;
        String server = base.substring(0, slash + 1);
        String params = query < 0 ? "" : base.substring(query);
        try (Connection c = DriverManager.getConnection(server + "postgres" + params, owner(), "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + name, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(server + "postgres" + params, owner(), "");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                // the server is going away too
            }
        }));
        String url = server + name + params;
        org.flywaydb.core.Flyway.configure().dataSource(url, owner(), "").locations("classpath:db/migration")
                .placeholders(java.util.Map.of("application-role", applicationRole())).load().migrate();
        return url;
    }

    private static String vaultKekFile;

    /** A development key-encryption keyset of this test JVM alone (generated at the first start). */
    public static synchronized String vaultKekFile() {
        if (vaultKekFile == null) {
            try {
                vaultKekFile = Files.createTempDirectory("pathway-it-vault").resolve("vault-kek.development.json")
                        .toString();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return vaultKekFile;
    }

    private static java.util.Optional<String> local() {
        String name = "pathway_it_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(LOCAL + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
            return java.util.Optional.of(LOCAL + name);
        } catch (SQLException e) {
            return java.util.Optional.empty();
        }
    }

    private static void drop(String name) {
        try (Connection c = DriverManager.getConnection(LOCAL + "postgres", "postgres", "");
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
            // no user in the URL: the driver would prefer it to the application's role
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        } catch (IOException e) {
            throw new IllegalStateException("No local PostgreSQL and the embedded one did not start", e);
        }
    }
}
