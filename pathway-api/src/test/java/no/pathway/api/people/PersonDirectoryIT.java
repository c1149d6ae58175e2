package no.pathway.api.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import no.pathway.api.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The directory of people seen at login, on a real PostgreSQL database of its own (migrated, as the service's). */
class PersonDirectoryIT {
    private static final Instant MONDAY = Instant.parse("2026-03-02T07:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-03-03T07:00:00Z");
    private static final String BERIT = "3f2a9c1e-7b4d-4e0a-9c55-0d6b2e8f1a90";
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(TestDatabase.migrated("people"), TestDatabase.owner(),
                "", true));
    }

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM person_directory");
    }

    private static People at(Instant now) {
        return new PersonDirectory(jdbc, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Instant lastSeen(String subject) {
        return jdbc.queryForObject("SELECT last_seen_at FROM person_directory WHERE subject = ?",
                java.sql.Timestamp.class, subject).toInstant();
    }

    @Test
    void a_person_who_logged_in_is_known_by_name_and_when_last_seen() {
        at(MONDAY).loggedIn(BERIT, "Berit Bakke");

        assertThat(at(MONDAY).names(List.of(BERIT, "never-logged-in"))).isEqualTo(Map.of(BERIT, "Berit Bakke"));
        assertThat(lastSeen(BERIT)).isEqualTo(MONDAY);
    }

    @Test
    void a_name_changed_at_a_later_login_replaces_the_earlier_one() {
        at(MONDAY).loggedIn(BERIT, "Berit Bakke");
        at(TUESDAY).loggedIn(BERIT, "Berit Bakke Hansen");

        assertThat(at(TUESDAY).names(List.of(BERIT))).isEqualTo(Map.of(BERIT, "Berit Bakke Hansen"));
        assertThat(lastSeen(BERIT)).isEqualTo(TUESDAY);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person_directory", Long.class)).isOne();
    }

    @Test
    void a_blank_name_is_unknown_and_keeps_a_name_known_before() {
        at(MONDAY).loggedIn("no-name", "   ");
        at(MONDAY).loggedIn("null-name", null);
        at(MONDAY).loggedIn(BERIT, "Berit Bakke");
        at(TUESDAY).loggedIn(BERIT, " \t ");

        assertThat(at(TUESDAY).names(List.of("no-name", "null-name", BERIT))).isEqualTo(Map.of(BERIT, "Berit Bakke"));
        assertThat(lastSeen("no-name")).isEqualTo(MONDAY);
        assertThat(lastSeen(BERIT)).as("seen again, name kept").isEqualTo(TUESDAY);
    }

    @Test
    void an_overlong_name_is_cut_with_an_ellipsis_and_a_name_is_kept_on_one_line() {
        String overlong = "Å".repeat(People.MAX_NAME + 50);
        at(MONDAY).loggedIn("long", overlong);
        at(MONDAY).loggedIn("lines", "  Kari\n\tNordmann\u0000 ");

        Map<String, String> names = at(MONDAY).names(List.of("long", "lines"));
        assertThat(names.get("long")).hasSize(People.MAX_NAME).startsWith("ÅÅÅ").endsWith("Å…");
        assertThat(names.get("lines")).isEqualTo("Kari Nordmann");
    }

    @Test
    void a_subject_longer_than_the_service_keeps_anywhere_is_not_recorded() {
        at(MONDAY).loggedIn("x".repeat(PersonDirectory.MAX_SUBJECT + 1), "Lang Id");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person_directory", Long.class)).isZero();
    }

    @Test
    void no_subjects_need_no_query_and_find_no_names() {
        assertThat(at(MONDAY).names(List.of())).isEmpty();
    }
}
