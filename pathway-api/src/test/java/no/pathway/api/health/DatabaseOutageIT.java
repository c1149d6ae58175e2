package no.pathway.api.health;

import static no.pathway.api.support.Events.housing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;
import no.pathway.api.PathwayApplication;
import no.pathway.api.security.DevIssuer;
import no.pathway.api.security.Role;
import no.pathway.api.support.Api;
import no.pathway.api.support.TestDatabase;
import no.pathway.api.support.TestPersons;
import no.pathway.api.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database goes away under a running instance (connections refused and the open ones terminated, as in a
 * restart), or a statement hangs on a lock. Health answers within 2 s and says DOWN, readiness too; every call that
 * needs the database answers 503 problem+json with Retry-After within its bound; a write that timed out is answered
 * from its receipt when sent again. An instance of its own on a database of its own, so the outage harms no other
 * test. Bounds as configured, except the statement and answer timeouts, shortened to keep the test short (each
 * test below says which bound it meets).
 */
class DatabaseOutageIT {
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5); // application.properties

    private static String url;
    private static String database;
    private static ConfigurableApplicationContext app;
    private static Api api;
    private static Api anonymous;

    @BeforeAll
    static void start() throws Exception {
        url = TestDatabase.url("outage");
        database = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
        Path dir = Files.createTempDirectory("pathway-outage");
        app = new SpringApplicationBuilder(PathwayApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + url,
                "--pathway.security.dev-issuer.key-file=" + dir.resolve("dev-issuer-key.json"),
                "--pathway.vault.kek-file=" + dir.resolve("vault-kek.development.json"),
                "--spring.datasource.hikari.data-source-properties.options=-c statement_timeout="
                        + STATEMENT_TIMEOUT.toMillis(),
                "--pathway.ingest.answer-timeout=" + ANSWER_TIMEOUT);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        api = new Api(port, TestTokens.mint(app.getBean(DevIssuer.class), "demo-all-settings",
                Set.of(Role.values()), Set.of(), Duration.ofMinutes(30)));
        anonymous = new Api(port);
        warm();
    }

    /** The first calls of a fresh instance are slow (class loading, the JIT): not what the bounds are about. */
    private static void warm() {
        Map<String, Object> event = housing(TestPersons.next(), "2026-03-01T08:00:00Z", "OWN");
        await().atMost(Duration.ofSeconds(60)).until(() -> api.post("/api/v1/events", event).status() < 300);
        Stream.of("/api/v1/gaps?municipality=0301", "/api/v1/admin/read-models", "/actuator/health")
                .forEach(api::get);
    }

    @AfterAll
    static void stop() {
        allowConnections(true);
        app.close();
    }

    /** Refuses new connections to the instance's database and terminates the open ones, as a restart does. */
    private static void allowConnections(boolean allow) {
        JdbcClient server = TestDatabase.asOwner();
        server.sql("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allow).update();
        if (!allow) {
            server.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?").param(database)
                    .query().listOfRows();
        }
    }

    private static Connection direct() throws SQLException {
        return DriverManager.getConnection(url, TestDatabase.owner(), "");
    }

    /** Each call on a thread of its own (the common pool has one thread on a two-core machine). */
    private static <T> List<T> inParallel(List<Supplier<T>> calls) {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            return calls.stream().map(call -> CompletableFuture.supplyAsync(call, threads)).toList()
                    .stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdown();
        }
    }

    /** A call, the status it must get, and how long it may take. */
    record Call(String name, String method, String path, String body, int status, Duration within) {
        Api.Response send(Api client) {
            return client.call(method, path, body, Map.of());
        }
    }

    /** A call answered, and how long it took. */
    record Answered(Call call, Api.Response response, Duration took) {
    }

    private static Answered answer(Call call, Api client) {
        long start = System.nanoTime();
        Api.Response response = call.send(client);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Answered(call, response, took);
    }

    @Test
    void while_the_database_is_down_health_says_so_within_2_s_and_every_call_answers_503_and_retry_after_in_its_bound()
            throws Exception {
        String person = TestPersons.next();
        Api.Response stored = api.post("/api/v1/events", housing(person, "2026-03-02T08:00:00Z", "OWN"));
        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        String pathwayId = stored.json().get("pathwayId").stringValue();
        Map<String, Object> later = housing(person, "2026-03-03T08:00:00Z", "NONE");
        List<Call> calls = List.of(
                new Call("health", "GET", "/actuator/health", null, 503, Duration.ofSeconds(2)),
                new Call("readiness", "GET", "/actuator/health/readiness", null, 503, Duration.ofSeconds(2)),
                new Call("read-model status", "GET", "/api/v1/admin/read-models", null, 503, Duration.ofSeconds(2)),
                new Call("an event", "POST", "/api/v1/events", Api.JSON.writeValueAsString(later), 503,
                        ANSWER_TIMEOUT.plusSeconds(1)),
                new Call("the dashboard", "GET", "/api/v1/gaps?municipality=0301", null, 503,
                        CONNECTION_TIMEOUT.plusSeconds(1)),
                new Call("a pathway's history", "GET", "/api/v1/pathways/" + pathwayId + "/history", null, 503,
                        CONNECTION_TIMEOUT.plusSeconds(1)));

        allowConnections(false);
        List<Answered> answers;
        List<Map<String, List<String>>> headers;
        try {
            CompletableFuture<List<Map<String, List<String>>>> retryAfter = CompletableFuture.supplyAsync(
                    () -> inParallel(Stream.of("/api/v1/admin/read-models", "/api/v1/gaps?municipality=0301")
                            .<Supplier<Map<String, List<String>>>>map(path -> () -> api.headers(path)).toList()),
                    task -> new Thread(task).start());
            answers = inParallel(calls.stream().<Supplier<Answered>>map(call -> () -> answer(call,
                    call.path().startsWith("/actuator/health") ? anonymous : api)).toList());
            headers = retryAfter.join();
        } finally {
            allowConnections(true);
        }
        headers.forEach(h -> assertThat(h.get("retry-after")).as("Retry-After").containsExactly("5"));

        for (Answered a : answers) {
            assertThat(a.response().status()).as(a.call().name() + ": " + a.response().text())
                    .isEqualTo(a.call().status());
            assertThat(a.took()).as(a.call().name()).isLessThanOrEqualTo(a.call().within());
            if (a.call().path().startsWith("/api/")) {
                assertThat(a.response().contentType()).as(a.call().name()).startsWith("application/problem+json");
            } else {
                assertThat(a.response().json().get("status").stringValue()).as(a.call().name()).isEqualTo("DOWN");
            }
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> anonymous.get("/actuator/health").status() == 200);
        Api.Response retried = api.post("/api/v1/events", later);
        assertThat(retried.status()).as("the event refused during the outage is stored when sent again: "
                + retried.text()).isIn(200, 201);
        Api.Response again = api.post("/api/v1/events", later);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(retried.json());
    }

    @Test
    void a_statement_that_waits_past_its_bound_is_cancelled_and_answered_503() throws Exception {
        try (Connection locker = direct()) {
            locker.setAutoCommit(false);
            locker.createStatement().execute("LOCK TABLE gap IN ACCESS EXCLUSIVE MODE");
            long start = System.nanoTime();
            Api.Response response = api.get("/api/v1/gaps?municipality=0301");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            locker.rollback();

            assertThat(response.status()).as(response.text()).isEqualTo(503);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(took).isBetween(STATEMENT_TIMEOUT.minusMillis(100), STATEMENT_TIMEOUT.plusSeconds(2));
        }
    }

    @Test
    void a_write_not_confirmed_within_its_bound_is_answered_from_its_receipt_when_sent_again() throws Exception {
        Map<String, Object> event = housing(TestPersons.next(), "2026-03-02T08:00:00Z", "OWN");
        Api.Response answer;
        try (Connection locker = direct()) {
            locker.setAutoCommit(false);
            locker.createStatement().execute("LOCK TABLE event_receipt IN ACCESS EXCLUSIVE MODE");
            long start = System.nanoTime();
            answer = api.post("/api/v1/events", event);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isLessThan(ANSWER_TIMEOUT.plusSeconds(1));
            locker.rollback(); // the writer, still waiting, now stores the event
        }
        assertThat(answer.status()).as(answer.text()).isEqualTo(503);

        Api.Response retried = api.post("/api/v1/events", event);

        assertThat(retried.status()).as("answered from the receipt of the write that went on: " + retried.text())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/pathways/" + retried.json().get("pathwayId").stringValue() + "/history").json()
                .get("events")).as("stored once").hasSize(1);
    }
}
