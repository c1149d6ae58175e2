package no.pathway.api.privacy;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * After a run of valid and invalid posts, reveals and an erasure, no national identity number is in any table or any
 * log line: the identity vault holds it, as ciphertext only.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoIdentityNumberIT extends ApiIT {

    record Column(String table, String column, String type) {
    }

    @Test
    void no_identity_number_is_stored_or_logged(CapturedOutput output) {
        String person = TestPersons.next();
        String other = TestPersons.next();
        String at = "2026-03-02T08:00:00Z";
        List<Map<String, Object>> events = List.of(
                event("EPISODE_STARTED", person, at, "episodeId", "r", "setting", "RESIDENTIAL", "municipality", "0301"),
                event("HOUSING_RECORDED", person, at, "housing", "NONE"),
                event("HANDOVER_SENT", person, at, "handoverId", "h", "fromSetting", "RESIDENTIAL",
                        "toSetting", "MUNICIPALITY"),
                event("HANDOVER_REJECTED", person, at, "handoverId", "h", "reason", "not ours"),
                event("APPOINTMENT_BOOKED", person, at, "appointmentId", "a", "setting", "NAV",
                        "scheduledAt", "2026-03-03T08:00:00Z"),
                event("OVERDOSE_RECORDED", person, at, "fatal", false));
        events.forEach(e -> assertThat(api.post("/api/v1/events", e).status()).isEqualTo(201));
        api.post("/api/v1/events/batch", Map.of("events", events));
        // invalid posts that carry the numbers in other places
        api.post("/api/v1/events", event("HANDOVER_REJECTED", person, at, "handoverId", "h", "reason",
                "patient " + other));
        api.post("/api/v1/events", event("PERSON_DIED", person, at, "eventId", other));
        api.post("/api/v1/events", event("PERSON_DIED", other.substring(0, 10) + "x", at));
        api.post("/api/v1/events", event("PERSON_DIED", person, "not a time"));
        api.post("/api/v1/pathways/lookup", Map.of("personId", other));
        api.post("/api/v1/events", "{\"personId\": \"" + person + "\", broken", Map.of());
        String pathwayId = pathwayOf(person);
        assertThat(api.post("/api/v1/pathways/" + pathwayId + "/identity", Map.of("purpose", "AUDIT")).text())
                .contains(person);
        api.post("/api/v1/pathways/" + pathwayId + "/identity", Map.of("purpose", "AUDIT", "note", "re " + other));
        String otherPathway = api.post("/api/v1/events", event("PERSON_DIED", other, at)).json().get("pathwayId")
                .stringValue();
        api.post("/api/v1/pathways/" + otherPathway + "/identity/erasure", Map.of("reason", "ERASURE_REQUEST"));

        for (Column c : columns()) {
            String text = c.type().equals("bytea") ? "encode(" + c.column() + ", 'escape')" : c.column() + "::text";
            for (String number : List.of(person, other)) {
                long hits = jdbc.sql("SELECT count(*) FROM " + c.table() + " WHERE " + text + " LIKE ?")
                        .param("%" + number + "%").query(Long.class).single();
                assertThat(hits).as("%s.%s holds an identity number", c.table(), c.column()).isZero();
            }
        }
        assertThat(columns()).extracting(Column::table).contains("domain_event_entry", "event_receipt",
                "identity_vault", "access_log");
        assertThat(jdbc.sql("SELECT count(*) FROM identity_vault WHERE pathway_id = ? AND identity IS NOT NULL")
                .param(pathwayId).query(Long.class).single()).as("the vault holds the person").isOne();
        assertThat(output.getAll()).doesNotContain(person).doesNotContain(other);
    }

    /** The logging itself redacts: a line from code we do not own, quoting input, still carries no number. */
    @Test
    void a_library_that_logs_its_input_cannot_write_an_identity_number(CapturedOutput output) {
        String person = TestPersons.next();
        String spaced = person.substring(0, 6) + " " + person.substring(6);
        LoggerFactory.getLogger("org.example.SomeLibrary").warn("Rejected value [{}] and [{}]", person, spaced,
                new IllegalArgumentException("bad header value " + person));
        assertThat(output.getAll()).contains("Rejected value [[redacted]] and [[redacted]]",
                "bad header value [redacted]").doesNotContain(person).doesNotContain(spaced);
    }

    private List<Column> columns() {
        return jdbc.sql("""
                        SELECT table_name, column_name, data_type FROM information_schema.columns
                        WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'""")
                .query((rs, n) -> new Column(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }
}
