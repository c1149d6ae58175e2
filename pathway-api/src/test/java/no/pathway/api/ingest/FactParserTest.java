package no.pathway.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import no.pathway.api.http.FieldProblem;
import no.pathway.api.http.InvalidRequest;
import no.pathway.api.http.JsonBody;
import no.pathway.api.identity.PathwayIds;
import no.pathway.core.event.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every validation rule of events.md, accepted and rejected, as tables. */
class FactParserTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final String PERSON = "02828404892";
    private static final JsonBody JSON = new JsonBody();

    private final FactParser parser = parser(true);

    private static FactParser parser(boolean acceptSynthetic) {
        IngestProperties properties = new IngestProperties(acceptSynthetic, Duration.ofMinutes(5), 65536, 8388608,
                1000, 1, 1000);
        return new FactParser(properties, new PathwayIds("test-secret"), JSON,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ObjectNode event(String type, String... fields) {
        ObjectNode node = JSON.mapper().createObjectNode();
        node.put("eventId", "e-1");
        node.put("type", type);
        node.put("personId", PERSON);
        node.put("occurredAt", "2026-03-02T08:00:00+01:00");
        for (int i = 0; i < fields.length; i += 2) {
            node.set(fields[i], JSON.mapper().readTree(fields[i + 1]));
        }
        return node;
    }

    static Stream<Arguments> validEvents() {
        return Stream.of(
                Arguments.of(event("EPISODE_STARTED", "episodeId", "\"avr-1\"", "setting", "\"DETOX\"",
                        "provider", "\"974706490\""), EpisodeStarted.class),
                Arguments.of(event("EPISODE_ENDED", "episodeId", "\"avr-1\"", "setting", "\"DETOX\"",
                        "endReason", "\"COMPLETED\""), EpisodeEnded.class),
                Arguments.of(event("HANDOVER_SENT", "handoverId", "\"h-1\"", "fromSetting", "\"PRISON\"",
                        "toSetting", "\"MUNICIPALITY\"", "toProvider", "\"983974899\""), HandoverSent.class),
                Arguments.of(event("HANDOVER_ACCEPTED", "handoverId", "\"h-1\""), HandoverAccepted.class),
                Arguments.of(event("HANDOVER_REJECTED", "handoverId", "\"h-1\"", "reason", "\"not our resident\""),
                        HandoverRejected.class),
                Arguments.of(event("HANDOVER_REJECTED", "handoverId", "\"h-1\""), HandoverRejected.class),
                Arguments.of(event("APPOINTMENT_BOOKED", "appointmentId", "\"a-1\"", "setting", "\"OUTPATIENT\"",
                        "scheduledAt", "\"2027-01-01T08:00:00Z\""), AppointmentBooked.class),
                Arguments.of(event("APPOINTMENT_CANCELLED", "appointmentId", "\"a-1\""), AppointmentCancelled.class),
                Arguments.of(event("APPOINTMENT_ATTENDED", "appointmentId", "\"a-1\""), AppointmentAttended.class),
                Arguments.of(event("APPOINTMENT_MISSED", "appointmentId", "\"a-1\""), AppointmentMissed.class),
                Arguments.of(event("HOUSING_RECORDED", "housing", "\"TEMPORARY\""), HousingRecorded.class),
                Arguments.of(event("ACTIVITY_RECORDED", "activity", "\"WORK_TRAINING\""), ActivityRecorded.class),
                Arguments.of(event("CONTACT_ASSIGNED", "setting", "\"MUNICIPALITY\"", "role", "\"COORDINATOR\""),
                        ContactAssigned.class),
                Arguments.of(event("OVERDOSE_RECORDED", "fatal", "false"), OverdoseRecorded.class),
                Arguments.of(event("PERSON_DIED"), PersonDied.class),
                Arguments.of(event("EVENT_RETRACTED", "retractedEventId", "\"e-0\"", "reason", "\"entered in error\""),
                        EventRetracted.class),
                Arguments.of(event("PERSON_DIED", "municipality", "\"0301\"", "reportedBy", "\"974706490\""),
                        PersonDied.class));
    }

    @ParameterizedTest(name = "{1} is accepted")
    @MethodSource("validEvents")
    void every_type_is_accepted_with_its_fields(JsonNode body, Class<?> type) {
        ParsedFact parsed = parser.parse(body, "dips");
        assertThat(parsed.fact()).isInstanceOf(type);
        assertThat(parsed.fact().meta().source()).isEqualTo("dips");
        assertThat(parsed.fact().occurredAt()).isEqualTo(Instant.parse("2026-03-02T07:00:00Z"));
        assertThat(parsed.pathwayId()).hasSize(43).doesNotContain(PERSON);
    }

    static Stream<Arguments> invalidEvents() {
        ObjectNode noType = event("PERSON_DIED");
        noType.remove("type");
        ObjectNode noPerson = event("PERSON_DIED");
        noPerson.remove("personId");
        return Stream.of(
                Arguments.of("unknown type", event("PERSON_VANISHED"), "type", "must be one of"),
                Arguments.of("missing type", noType, "type", "is required"),
                Arguments.of("missing personId", noPerson, "personId", "is required"),
                Arguments.of("missing required field", event("EPISODE_ENDED", "episodeId", "\"avr-1\"",
                        "setting", "\"DETOX\""), "endReason", "is required"),
                Arguments.of("wrong check digit", event("PERSON_DIED", "personId", "\"02828404893\""),
                        "personId", "check digit"),
                Arguments.of("wrong length", event("PERSON_DIED", "personId", "\"0282840489\""),
                        "personId", "11 digits"),
                Arguments.of("non-digits", event("PERSON_DIED", "personId", "\"0282840489x\""),
                        "personId", "11 digits"),
                Arguments.of("personId as number", event("PERSON_DIED", "personId", "2828404892"),
                        "personId", "must be a string"),
                Arguments.of("occurredAt without offset", event("PERSON_DIED", "occurredAt",
                        "\"2026-03-02T08:00:00\""), "occurredAt", "with offset"),
                Arguments.of("occurredAt unparseable", event("PERSON_DIED", "occurredAt", "\"yesterday\""),
                        "occurredAt", "ISO-8601"),
                Arguments.of("occurredAt a date only", event("PERSON_DIED", "occurredAt", "\"2026-03-02\""),
                        "occurredAt", "ISO-8601"),
                Arguments.of("occurredAt 5 min 1 s ahead", event("PERSON_DIED", "occurredAt",
                        "\"2026-03-02T12:05:01Z\""), "occurredAt", "in the future"),
                Arguments.of("unknown enum value", event("HOUSING_RECORDED", "housing", "\"CASTLE\""),
                        "housing", "must be one of OWN, SUPPORTED, TEMPORARY, NONE"),
                Arguments.of("enum in lower case", event("HOUSING_RECORDED", "housing", "\"own\""),
                        "housing", "must be one of"),
                Arguments.of("provider bad check digit", event("EPISODE_STARTED", "episodeId", "\"e\"",
                        "setting", "\"DETOX\"", "provider", "\"974706491\""), "provider", "check digit"),
                Arguments.of("reportedBy bad check digit", event("PERSON_DIED", "reportedBy", "\"974706491\""),
                        "reportedBy", "check digit"),
                Arguments.of("municipality 3 digits", event("PERSON_DIED", "municipality", "\"301\""),
                        "municipality", "4 digits"),
                Arguments.of("municipality as number", event("PERSON_DIED", "municipality", "301"),
                        "municipality", "must be a string"),
                Arguments.of("fatal as string", event("OVERDOSE_RECORDED", "fatal", "\"false\""),
                        "fatal", "true or false"),
                Arguments.of("fatal missing", event("OVERDOSE_RECORDED"), "fatal", "is required"),
                Arguments.of("eventId with a slash", event("PERSON_DIED", "eventId", "\"a/b\""),
                        "eventId", "A-Z a-z 0-9"),
                Arguments.of("eventId of 129 characters", event("PERSON_DIED", "eventId",
                        "\"" + "a".repeat(129) + "\""), "eventId", "1-128"),
                Arguments.of("empty eventId", event("PERSON_DIED", "eventId", "\"\""), "eventId", "1-128"),
                Arguments.of("episodeId with unicode", event("EPISODE_ENDED", "episodeId", "\"avrø\"",
                        "setting", "\"DETOX\"", "endReason", "\"DIED\""), "episodeId", "A-Z a-z 0-9"),
                Arguments.of("eventId that is an identity number", event("PERSON_DIED", "eventId",
                        "\"dips-02828404892\""), "eventId", "national identity number"),
                Arguments.of("unknown field", event("PERSON_DIED", "name", "\"Ola\""), "name", "is not a field"),
                Arguments.of("field of another type", event("PERSON_DIED", "housing", "\"OWN\""),
                        "housing", "is not a field of PERSON_DIED"),
                Arguments.of("reason over 500 characters", event("EVENT_RETRACTED", "retractedEventId", "\"e\"",
                        "reason", "\"" + "x".repeat(501) + "\""), "reason", "at most 500"),
                Arguments.of("reason carrying an identity number", event("HANDOVER_REJECTED", "handoverId",
                        "\"h\"", "reason", "\"wrong person 02828404892\""), "reason", "11-digit"),
                Arguments.of("retraction without reason", event("EVENT_RETRACTED", "retractedEventId", "\"e\""),
                        "reason", "is required"),
                Arguments.of("scheduledAt without offset", event("APPOINTMENT_BOOKED", "appointmentId", "\"a\"",
                        "setting", "\"NAV\"", "scheduledAt", "\"2026-03-03T10:00\""), "scheduledAt", "with offset"));
    }

    @ParameterizedTest(name = "{0} is rejected on field {2}")
    @MethodSource("invalidEvents")
    void invalid_events_name_the_field_at_fault(String why, JsonNode body, String field, String message) {
        InvalidRequest e = catchThrowableOfType(InvalidRequest.class, () -> parser.parse(body, "dips"));
        assertThat(e).as(why).isNotNull();
        assertThat(e.problems()).as(why).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.message()).contains(message);
        });
    }

    @Test
    void every_bad_field_is_reported_at_once() {
        JsonNode body = event("EPISODE_ENDED", "personId", "\"1\"", "occurredAt", "\"nope\"",
                "setting", "\"SPA\"", "endReason", "7");
        List<FieldProblem> problems = catchThrowableOfType(InvalidRequest.class,
                () -> parser.parse(body, "dips")).problems();
        assertThat(problems).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("personId", "occurredAt", "episodeId", "setting", "endReason");
    }

    @Test
    void ids_with_long_digit_runs_that_are_no_identity_number_are_accepted() {
        assertThat(parser.parse(event("PERSON_DIED", "eventId", "\"dips-20260302080000-12345678901\""), "s")
                .fact().eventId()).isEqualTo("dips-20260302080000-12345678901");
    }

    @Test
    void exactly_five_minutes_ahead_is_accepted() {
        assertThat(parser.parse(event("PERSON_DIED", "occurredAt", "\"2026-03-02T12:05:00Z\""), "s").fact())
                .isInstanceOf(PersonDied.class);
    }

    @Test
    void any_age_in_the_past_is_accepted() {
        assertThat(parser.parse(event("PERSON_DIED", "occurredAt", "\"1970-01-01T00:00:00+01:00\""), "s").fact())
                .isInstanceOf(PersonDied.class);
    }

    @Test
    void synthetic_numbers_are_rejected_when_switched_off() {
        InvalidRequest e = catchThrowableOfType(InvalidRequest.class,
                () -> parser(false).parse(event("PERSON_DIED"), "dips"));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("personId");
    }

    @Test
    void no_message_quotes_the_submitted_person_id() {
        InvalidRequest e = catchThrowableOfType(InvalidRequest.class,
                () -> parser.parse(event("PERSON_DIED", "personId", "\"02828404893\""), "dips"));
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain("0282840489"));
    }

    @Test
    void the_same_instant_in_another_offset_is_the_same_content() {
        String a = parser.parse(event("PERSON_DIED", "occurredAt", "\"2026-03-02T08:00:00+01:00\""), "s")
                .contentHash();
        String b = parser.parse(event("PERSON_DIED", "occurredAt", "\"2026-03-02T07:00:00Z\""), "s").contentHash();
        String c = parser.parse(event("PERSON_DIED", "occurredAt", "\"2026-03-02T07:00:01Z\""), "s").contentHash();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void the_pathway_id_depends_on_the_secret() {
        String one = new PathwayIds("secret-one").of(no.pathway.core.value.PersonId.of(PERSON, true));
        String two = new PathwayIds("secret-two").of(no.pathway.core.value.PersonId.of(PERSON, true));
        assertThat(one).isNotEqualTo(two).matches("[A-Za-z0-9_-]{43}");
        assertThat(PathwayIds.isWellFormed(one)).isTrue();
    }
}
