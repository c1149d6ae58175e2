package no.pathway.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The application's own connection cannot change the record (docs/operations.md, "Database roles"): it owns
 * nothing, so it can neither truncate, alter nor drop, nor switch triggers off; it has no privilege to update or
 * delete what is append-only; it cannot create anything. And every table has exactly the grants it should.
 */
class DatabaseRolesIT extends ApiIT {
    @Autowired
    private JdbcTemplate applicationConnection;

    /**
     * Every table and sequence of the schema and what the application's role may do with it. A new table or sequence
     * needs a line here and a GRANT in db/migration/afterMigrate__application_role_grants.sql (none: an empty set).
     */
    private static final Map<String, Set<String>> GRANTS = new TreeMap<>(Map.ofEntries(
            Map.entry("domain_event_entry", Set.of("SELECT", "INSERT")),
            Map.entry("domain_event_global_index_seq", Set.of("USAGE")),
            Map.entry("event_receipt", Set.of("SELECT", "INSERT")),
            Map.entry("event_chain", Set.of("SELECT", "INSERT")),
            Map.entry("access_log", Set.of("SELECT", "INSERT")),
            Map.entry("access_log_id_seq", Set.of("USAGE")),
            Map.entry("snapshot_event_entry", Set.of("SELECT", "INSERT", "DELETE")),
            Map.entry("token_entry", Set.of("SELECT", "INSERT", "UPDATE", "DELETE")),
            Map.entry("gap", Set.of("SELECT", "INSERT", "DELETE")),
            Map.entry("gap_tally", Set.of("SELECT", "INSERT", "UPDATE", "DELETE")),
            Map.entry("pathway_summary", Set.of("SELECT", "INSERT", "UPDATE", "DELETE")),
            Map.entry("read_model_quarantine", Set.of("SELECT", "INSERT", "UPDATE", "DELETE")),
            Map.entry("read_model_node", Set.of("SELECT", "INSERT", "UPDATE", "DELETE")),
            Map.entry("identity_vault", Set.of("SELECT", "INSERT", "UPDATE")),
            Map.entry("pathway_municipality", Set.of("SELECT", "INSERT", "UPDATE")),
            Map.entry("person_directory", Set.of("SELECT", "INSERT", "UPDATE")),
            Map.entry("flyway_schema_history", Set.of())));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            TRUNCATE access_log                                               | permission denied
            TRUNCATE event_chain                                              | permission denied
            TRUNCATE domain_event_entry                                       | permission denied
            UPDATE access_log SET subject = subject                           | permission denied
            DELETE FROM access_log                                            | permission denied
            UPDATE event_chain SET hash = hash                                | permission denied
            DELETE FROM event_chain                                           | permission denied
            UPDATE domain_event_entry SET payload = payload                   | permission denied
            DELETE FROM domain_event_entry                                    | permission denied
            UPDATE event_receipt SET sequence = sequence                      | permission denied
            DELETE FROM event_receipt                                         | permission denied
            UPDATE snapshot_event_entry SET payload = payload                 | permission denied
            ALTER TABLE access_log DISABLE TRIGGER access_log_append_only     | must be owner
            ALTER TABLE event_chain DISABLE TRIGGER ALL                       | must be owner
            ALTER TABLE access_log OWNER TO CURRENT_USER                      | must be owner
            DROP TRIGGER access_log_append_only ON access_log                 | must be owner
            DROP TABLE gap                                                    | must be owner
            SET session_replication_role = replica                            | permission denied
            CREATE TABLE evil (id int)                                        | permission denied
            CREATE TEMPORARY TABLE evil (id int)                              | permission denied
            CREATE FUNCTION evil() RETURNS int AS 'SELECT 1' LANGUAGE sql     | permission denied
            SET ROLE postgres                                                 | permission denied
            SELECT setval('domain_event_global_index_seq', 1)                 | permission denied
            """)
    void the_applications_connection_cannot_change_the_record(String statement, String refusal) {
        assertThatThrownBy(() -> jdbc.sql(statement).update()).rootCause().hasMessageContaining(refusal);
    }

    @Test
    void the_application_connects_as_its_own_role_and_the_check_at_start_finds_nothing_wrong() {
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single())
                .isEqualTo(TestDatabase.applicationRole());
        assertThat(DatabaseRoleCheck.problems(applicationConnection)).isEmpty();
        assertThat(DatabaseRoleCheck.problems(new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(),
                TestDatabase.url(), TestDatabase.owner(), ""))))
                .as("the owner, had the application connected as it").isNotEmpty();
    }

    @Test
    void every_table_and_sequence_has_exactly_its_grants() {
        Map<String, Set<String>> actual = new TreeMap<>();
        owner.sql("""
                        SELECT c.relname, p.privilege FROM pg_class c
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        LEFT JOIN LATERAL unnest(CASE WHEN c.relkind = 'S' THEN ARRAY['USAGE', 'SELECT', 'UPDATE']
                            ELSE ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'] END)
                            AS p(privilege)
                          ON CASE WHEN c.relkind = 'S' THEN has_sequence_privilege(?, c.oid, p.privilege)
                                  ELSE has_table_privilege(?, c.oid, p.privilege) END
                        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'S')""")
                .params(TestDatabase.applicationRole(), TestDatabase.applicationRole())
                .query((rs, n) -> Map.entry(rs.getString(1), Optional.ofNullable(rs.getString(2)))).list()
                .forEach(grant -> actual.computeIfAbsent(grant.getKey(), t -> new TreeSet<>())
                        .addAll(grant.getValue().stream().toList()));
        assertThat(actual.keySet()).as("tables and sequences without an entry in GRANTS (add it here and a GRANT in "
                + "afterMigrate__application_role_grants.sql)").isSubsetOf(GRANTS.keySet());
        assertThat(actual).isEqualTo(GRANTS);
    }
}
