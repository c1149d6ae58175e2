package no.pathway.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.env.MockEnvironment;

class ConnectionPoolSizingTest {

    @ParameterizedTest(name = "reads {0}, writers {1}, read-model threads {2}, explicit {3}: {4} connections")
    @CsvSource(nullValues = "-", value = {
            "-, -, -, -, 11",       // the defaults: 4 + 2 + 2 + 3
            "4, 2, 2, -, 11",
            "8, 2, 2, -, 15",       // more reads at once
            "4, 4, 2, -, 13",       // more writers get their connections
            "4, 2, 4, -, 13",       // more read-model threads too
            "4, 2, 2, 30, 30"       // an explicit size stands
    })
    void the_pool_is_sized_from_its_users_unless_set(String reads, String writers, String readModelThreads,
                                                      String explicit, int expected) {
        MockEnvironment environment = new MockEnvironment();
        set(environment, "pathway.database.request-connections", reads);
        set(environment, "pathway.ingest.writer-threads", writers);
        set(environment, "axon.eventhandling.processors.pathway-read-models.thread-count", readModelThreads);
        set(environment, "spring.datasource.hikari.maximum-pool-size", explicit);
        try (HikariDataSource pool = new HikariDataSource()) {
            if (explicit != null) {
                pool.setMaximumPoolSize(Integer.parseInt(explicit));
            }

            ConnectionPoolSizing.connectionPoolSize(environment).postProcessAfterInitialization(pool, "dataSource");

            assertThat(pool.getMaximumPoolSize()).isEqualTo(expected);
        }
    }

    private static void set(MockEnvironment environment, String key, String value) {
        if (value != null) {
            environment.setProperty(key, value);
        }
    }
}
