package no.pathway.api.health;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database's health, bounded in time ({@link BoundedHealthIndicator}); it takes the place of Spring Boot's
 * {@code db} indicator, which is declared only when no bean of this name exists.
 */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean
    BoundedHealthIndicator dbHealthIndicator(DataSource dataSource,
                                             @Value("${pathway.health.timeout:PT0.75S}") Duration bound) {
        return new BoundedHealthIndicator("db", new DataSourceHealthIndicator(dataSource), bound);
    }
}
