package no.pathway.api.config;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks, once the migrations ran, that the application's own connection could not change the record: its role is
 * no superuser, owns nothing in the schema and may create nothing there (docs/operations.md, "Database roles").
 * Outside development a failed check refuses the start; in development it is a warning.
 */
@Component
class DatabaseRoleCheck implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(DatabaseRoleCheck.class);

    private final JdbcTemplate jdbc;
    private final Environment environment;

    DatabaseRoleCheck(JdbcTemplate jdbc, Environment environment) {
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = problems(jdbc);
        if (problems.isEmpty()) {
            return;
        }
        String message = "The application's database role " + String.join(", ", problems)
                + ": connect as a role of its own and run migrations as the owner (spring.flyway.user)";
        if (environment.acceptsProfiles(Profiles.of(ProductionSafeguards.DEVELOPMENT))) {
            log.warn(message);
        } else {
            throw new IllegalStateException("Refusing to start outside the development profile. " + message);
        }
    }

    /** What is wrong with the role of this connection; empty when it is least-privilege. */
    static List<String> problems(JdbcTemplate jdbc) {
        List<String> problems = new ArrayList<>();
        if (Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user", Boolean.class))) {
            problems.add("is a superuser (or bypasses row security)");
        }
        Long owned = jdbc.queryForObject("SELECT count(*) FROM pg_class c JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                + "AND pg_get_userbyid(c.relowner) = current_user", Long.class);
        if (owned != null && owned > 0) {
            problems.add("owns tables");
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT has_schema_privilege(current_schema(), 'CREATE')",
                Boolean.class))) {
            problems.add("may create tables");
        }
        return problems;
    }
}
