package no.pathway.api.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import no.pathway.api.admin.ReadModels;
import no.pathway.api.security.DevIssuer;
import no.pathway.api.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The running application on a real port and a real PostgreSQL; every test class shares one context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
public abstract class ApiIT {

    @Autowired
    protected TestClock clock;
    @Autowired
    protected ReadModels readModels;

    @LocalServerPort
    protected int port;
    /** The application's own connection (its role owns nothing). */
    @Autowired
    protected JdbcClient jdbc;
    /** The owner's connection, for tests that break things on purpose. */
    protected final JdbcClient owner = TestDatabase.asOwner();
    protected Api api;

    @Autowired
    protected DevIssuer issuer;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSettings.register(registry, TestDatabase::url);
    }

    /** By default tests call as a system holding every role (auditors see every municipality). */
    @BeforeEach
    void client() {
        clock.reset();
        api = new Api(port, token("test-source", Set.of(Role.values()), Set.of()));
    }

    /** A real token from the development issuer, as a given client with given roles and municipalities. */
    protected String token(String client, Set<Role> roles, Set<String> municipalities) {
        return TestTokens.mint(issuer, client, roles, municipalities, Duration.ofMinutes(30));
    }

    /** Waits until the read models have processed every stored event. */
    protected void awaitReadModels() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            ReadModels.Status s = readModels.status();
            return s.behind() == 0 && !s.replaying();
        });
    }

    protected String pathwayOf(String personId) {
        return api.post("/api/v1/pathways/lookup", java.util.Map.of("personId", personId))
                .json().get("pathwayId").stringValue();
    }

    protected long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
