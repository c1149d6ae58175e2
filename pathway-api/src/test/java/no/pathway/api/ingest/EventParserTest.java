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
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every validation rule of events.md, accepted and rejected, as tables. */
class EventParserTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final String PERSON = "02828404892";
    private static final JsonBody JSON = new JsonBody();

    private final EventParser parser = parser(true);

    private static EventParser parser(boolean acceptSynthetic) {
        IngestProperties properties = new IngestProperties(acceptSynthetic, Duration.ofMinutes(5), 65536, 8388608,
                1000, 1, 1000, 10000);
        return new EventParser(properties, new PathwayIds("test-secret"), Clock.fixed(NOW, ZoneOffset.UTC));
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
        ParsedEvent parsed = parser.parse(body, "dips");
        assertThat(parsed.event()).isInstanceOf(type);
        assertThat(parsed.event().meta().source()).isEqualTo("dips");
        assertThat(parsed.event().occurredAt()).isEqualTo(Instant.parse("2026-03-02T07:00:00Z"));
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
                        "\"h\"", "reason", "\"wrong person 02828404892\""), "reason", "national identity number"),
                Arguments.of("retraction without reason", event("EVENT_RETRACTED", "retractedEventId", "\"e\""),
                        "reason", "is required"),
                Arguments.of("occurredAt before 1900", event("PERSON_DIED", "occurredAt",
                        "\"1899-12-31T23:59:59Z\""), "occurredAt", "before 1900-01-01T00:00:00Z"),
                Arguments.of("occurredAt in year -5000", event("PERSON_DIED", "occurredAt",
                        "\"-5000-01-01T00:00:00Z\""), "occurredAt", "before 1900-01-01T00:00:00Z"),
                Arguments.of("occurredAt at Java's minimum", event("PERSON_DIED", "occurredAt",
                        "\"-999999999-01-01T00:00:00Z\""), "occurredAt", "before 1900-01-01T00:00:00Z"),
                Arguments.of("occurredAt at Java's maximum", event("PERSON_DIED", "occurredAt",
                        "\"+999999999-12-31T23:59:59Z\""), "occurredAt", "in the future"),
                Arguments.of("scheduledAt in year -5000", event("APPOINTMENT_BOOKED", "appointmentId", "\"a\"",
                        "setting", "\"NAV\"", "scheduledAt", "\"-5000-01-01T00:00:00Z\""), "scheduledAt",
                        "from 1900-01-01T00:00:00Z up to 10 years from now"),
                Arguments.of("scheduledAt in year 10000", event("APPOINTMENT_BOOKED", "appointmentId", "\"a\"",
                        "setting", "\"NAV\"", "scheduledAt", "\"+10000-01-01T00:00:00Z\""), "scheduledAt",
                        "up to 10 years from now"),
                Arguments.of("scheduledAt more than ten years ahead", event("APPOINTMENT_BOOKED", "appointmentId",
                        "\"a\"", "setting", "\"NAV\"", "scheduledAt", "\"2036-03-02T12:00:01Z\""), "scheduledAt",
                        "up to 10 years from now"),
                Arguments.of("scheduledAt before 1900", event("APPOINTMENT_BOOKED", "appointmentId", "\"a\"",
                        "setting", "\"NAV\"", "scheduledAt", "\"1899-12-31T23:59:59Z\""), "scheduledAt",
                        "from 1900-01-01T00:00:00Z"),
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
                .event().eventId()).isEqualTo("dips-20260302080000-12345678901");
    }

    @Test
    void exactly_five_minutes_ahead_is_accepted() {
        assertThat(parser.parse(event("PERSON_DIED", "occurredAt", "\"2026-03-02T12:05:00Z\""), "s").event())
                .isInstanceOf(PersonDied.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1900-01-01T00:00:00Z", "1900-01-01T01:00:00+01:00", "1970-01-01T00:00:00+01:00"})
    void any_age_back_to_1900_is_accepted(String occurredAt) {
        assertThat(parser.parse(event("PERSON_DIED", "occurredAt", "\"" + occurredAt + "\""), "s").event())
                .isInstanceOf(PersonDied.class);
    }

    @Test
    void an_appointment_may_be_booked_up_to_ten_years_ahead() {
        assertThat(parser.parse(event("APPOINTMENT_BOOKED", "appointmentId", "\"a\"", "setting", "\"NAV\"",
                "scheduledAt", "\"2036-03-02T12:00:00Z\""), "s").event()).isInstanceOf(AppointmentBooked.class);
    }

    /** Every id field and the free text, with numbers written in the spellings that got past the old filter. */
    static Stream<Arguments> hiddenNumbers() {
        List<String> ids = List.of("178666-44330", "17.86.66.44330", "080465_42321", "1786:6644:330",
                "e-17866644330", "ep-410101-12360");
        List<String> texts = List.of("178666-44330", "17.86.66 44330", "1786 6644 330", "080465_42321",
                "pasient \uFF11\uFF17\uFF18\uFF16\uFF16\uFF16\uFF14\uFF14\uFF13\uFF13\uFF10",
                "\u0661\u0667\u0668\u0666\u0666\u0666\u0664\u0664\u0663\u0663\u0660",
                "17\uFF18\uFF16\uFF166-\u0664\u0664\u0663\u06630", "178666\u00A044330", "178666\u200B44330");
        Stream<Arguments> inIds = ids.stream().flatMap(id -> Stream.of(
                Arguments.of(event("PERSON_DIED", "eventId", quoted(id)), "eventId"),
                Arguments.of(event("EPISODE_STARTED", "episodeId", quoted(id), "setting", "\"DETOX\""), "episodeId"),
                Arguments.of(event("HANDOVER_ACCEPTED", "handoverId", quoted(id)), "handoverId"),
                Arguments.of(event("APPOINTMENT_MISSED", "appointmentId", quoted(id)), "appointmentId"),
                Arguments.of(event("EVENT_RETRACTED", "retractedEventId", quoted(id), "reason", "\"wrong\""),
                        "retractedEventId")));
        Stream<Arguments> inTexts = texts.stream().flatMap(text -> Stream.of(
                Arguments.of(event("HANDOVER_REJECTED", "handoverId", "\"h\"", "reason", quoted(text)), "reason"),
                Arguments.of(event("EVENT_RETRACTED", "retractedEventId", "\"e\"", "reason", quoted(text)),
                        "reason")));
        return Stream.concat(inIds, inTexts);
    }

    private static String quoted(String value) {
        return JSON.mapper().writeValueAsString(value);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("hiddenNumbers")
    void an_identity_number_hidden_in_an_id_or_text_is_refused_without_echoing_it(JsonNode body, String field) {
        InvalidRequest e = catchThrowableOfType(InvalidRequest.class, () -> parser.parse(body, "dips"));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.message()).contains("national identity number").doesNotContainPattern("[0-9]{4}");
        });
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
        ContentHash hash = new ContentHash(JSON);
        ParsedEvent a = parser.parse(event("PERSON_DIED", "occurredAt", "\"2026-03-02T08:00:00+01:00\""), "s");
        ParsedEvent b = parser.parse(event("PERSON_DIED", "occurredAt", "\"2026-03-02T07:00:00Z\""), "s");
        ParsedEvent c = parser.parse(event("PERSON_DIED", "occurredAt", "\"2026-03-02T07:00:01Z\""), "s");
        assertThat(hash.of(a.pathwayId(), a.event())).isEqualTo(hash.of(b.pathwayId(), b.event()))
                .isNotEqualTo(hash.of(c.pathwayId(), c.event()));
    }

    @Test
    void the_same_event_on_another_pathway_is_other_content() {
        ContentHash hash = new ContentHash(JSON);
        ParsedEvent a = parser.parse(event("PERSON_DIED"), "s");
        assertThat(hash.of(a.pathwayId(), a.event())).isNotEqualTo(hash.of("another-pathway", a.event()));
    }

    @Test
    void the_pathway_id_depends_on_the_secret() {
        String one = new PathwayIds("secret-one").of(no.pathway.core.value.PersonId.of(PERSON, true));
        String two = new PathwayIds("secret-two").of(no.pathway.core.value.PersonId.of(PERSON, true));
        assertThat(one).isNotEqualTo(two).matches("[A-Za-z0-9_-]{43}");
        assertThat(PathwayIds.isWellFormed(one)).isTrue();
    }
}
