package no.pathway.api.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The run command's database: when no {@code spring.datasource.url} is configured, a real PostgreSQL is started
 * from binaries on Maven Central, with its data kept in {@code pathway.embedded-db.dir} between runs.
 * Pool settings ({@code spring.datasource.hikari.*}) apply exactly as for an external server, and so do the two roles:
 * the application connects as {@code spring.datasource.username}, the migrations run as its superuser
 * {@code postgres} ({@code spring.flyway.user} in application-dev.properties). The production jar
 * ({@code pathway-prod.jar}) has no embedded PostgreSQL: there this configuration is off, and a missing
 * {@code spring.datasource.url} stops the start with Spring Boot's own message.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
public class EmbeddedDatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${pathway.embedded-db.dir}") Path directory,
                                      @Value("${pathway.embedded-db.port:0}") int port) throws IOException {
        Files.createDirectories(directory);
        log.info("No spring.datasource.url configured: starting embedded PostgreSQL with data in {}",
                directory.toAbsolutePath());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, @Value("${spring.datasource.username}") String user) {
        HikariDataSource dataSource = new HikariDataSource();
        // no user in the URL: the driver would prefer it to the pool's, and the migrations use this URL too
        dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        dataSource.setUsername(user);
        return dataSource;
    }
}
