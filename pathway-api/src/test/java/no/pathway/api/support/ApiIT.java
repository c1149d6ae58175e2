package no.pathway.api.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import no.pathway.api.admin.ReadModels;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The running application on a real port and a real PostgreSQL; every test class shares one context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApiIT.Clocks.class)
public abstract class ApiIT {
    /** Replaces the service's clock with one the tests can move. */
    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    @Autowired
    protected TestClock clock;
    @Autowired
    protected ReadModels readModels;

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    protected Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", TestDatabase::user);
    }

    @BeforeEach
    void client() {
        api = new Api(port);
        clock.reset();
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
