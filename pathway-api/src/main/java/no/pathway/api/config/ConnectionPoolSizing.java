package no.pathway.api.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Sizes the connection pool from what uses it, unless {@code spring.datasource.hikari.maximum-pool-size} is set:
 * the connections for requests' reads ({@code pathway.database.request-connections}), one per writer thread
 * ({@code pathway.ingest.writer-threads}), one per read-model thread (its {@code thread-count}), and {@value #SHARED}
 * shared by the processor's coordinator and the event store's reader, the heartbeat, health and metrics, and a
 * rebuild or retry (docs/operations.md). A fixed 20 per instance let five instances exhaust a 100-connection server
 * in the outage drill, and raising the writer threads without the pool would starve them.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectionPoolSizing {
    static final int SHARED = 3;

    @Bean
    static BeanPostProcessor connectionPoolSize(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool
                        && !environment.containsProperty("spring.datasource.hikari.maximum-pool-size")) {
                    pool.setMaximumPoolSize(size(environment));
                }
                return bean;
            }
        };
    }

    static int size(Environment environment) {
        return environment.getProperty("pathway.database.request-connections", Integer.class, 4)
                + environment.getProperty("pathway.ingest.writer-threads", Integer.class, 2)
                + environment.getProperty("axon.eventhandling.processors.pathway-read-models.thread-count",
                Integer.class, 2)
                + SHARED;
    }
}
