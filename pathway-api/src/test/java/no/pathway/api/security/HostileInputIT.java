package no.pathway.api.security;

import static no.pathway.api.support.Events.event;
import static no.pathway.api.support.Events.housing;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.RawHttp;
import no.pathway.api.support.TestPersons;
import no.pathway.core.value.IdentityNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile and broken clients get clean 4xx answers, never a 500 or an internal name, and change nothing. */
class HostileInputIT extends ApiIT {
    private static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "1; DROP TABLE gap; --", "0301') OR ('a'='a", "${jndi:ldap://x/a}", "<script>x</script>",
            "../../etc/passwd", "%00", "\u202Egnirts", "０３０１", "٠٣٠١", "0301\n0302", "9".repeat(3000));
    /** Instants no source can mean: Java's limits, far past, far future, just outside the window. */
    private static final List<String> ABSURD_INSTANTS = List.of("-5000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "2200-01-01T00:00:01Z",
            "0000-01-01T00:00:00+01:00");
    /** One identity number (synthetic, valid check digits) and others, as people and systems write them. */
    private static final List<String> SPELLINGS = List.of("17866644330", "178666-44330", "17.86.66 44330",
            "1786 6644 330", "080465_42321", "17.86.66.44330", "178666\u00A044330", "178666\u200B44330",
            "\uFF11\uFF17\uFF18\uFF16\uFF16\uFF16\uFF14\uFF14\uFF13\uFF13\uFF10",
            "\u0661\u0667\u0668\u0666\u0666\u0666\u0664\u0664\u0663\u0663\u0660",
            "17\uFF18\uFF16\uFF166-\u0664\u0664\u0663\u06630");
    private static volatile String pathwayId;

    private long rows() {
        return storedEvents() + jdbc.sql("SELECT count(*) FROM gap").query(Long.class).single()
                + jdbc.sql("SELECT count(*) FROM event_receipt").query(Long.class).single();
    }

    static Stream<String> filters() {
        return Stream.of("/api/v1/gaps?status=", "/api/v1/gaps?rule=", "/api/v1/gaps?municipality=",
                "/api/v1/gaps?dueBefore=", "/api/v1/gaps?limit=", "/api/v1/gaps?cursor=",
                "/api/v1/gaps/summary?groupBy=", "/api/v1/gaps/summary?municipality=",
                "/api/v1/indicators?from=", "/api/v1/indicators?to=", "/api/v1/indicators?groupBy=",
                "/api/v1/indicators?period=", "/api/v1/indicators?municipality=");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void injection_strings_in_every_filter_get_400_and_change_nothing(String filter) {
        awaitReadModels();
        long before = rows();
        for (String attack : INJECTIONS) {
            Api.Response response = api.get(filter + URLEncoder.encode(attack, StandardCharsets.UTF_8));
            assertThat(response.status()).as("%s%s", filter, attack).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.text()).doesNotContain("Exception").doesNotContain("org.").doesNotContain("SQL")
                    .doesNotContain(attack.length() > 3 ? attack : "\u0000never");
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void injection_strings_in_the_path_find_nothing() {
        for (String attack : INJECTIONS) {
            String encoded = URLEncoder.encode(attack, StandardCharsets.UTF_8);
            for (String path : List.of("/api/v1/pathways/" + encoded, "/api/v1/pathways/" + encoded + "/gaps",
                    "/api/v1/pathways/" + encoded + "/history")) {
                Api.Response response = api.get(path);
                assertThat(response.status()).as(path).isIn(400, 404);
                assertThat(response.text()).doesNotContain("Exception").doesNotContain("org.");
            }
        }
    }

    @Test
    void deeply_nested_json_is_refused() {
        long before = rows();
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        Api.Response single = api.post("/api/v1/events", deep, Map.of());
        Api.Response batch = api.post("/api/v1/events/batch", "{\"events\":[" + deep + "]}", Map.of());
        assertThat(single.status()).isEqualTo(400);
        assertThat(batch.status()).isEqualTo(400);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void unicode_edge_cases_in_fields_are_refused_cleanly() {
        long before = rows();
        String person = TestPersons.next();
        List<Map<String, Object>> attacks = List.of(
                event("PERSON_DIED", person, "2026-03-02T08:00:00Z", "eventId", "e\u202Eevil"),
                event("PERSON_DIED", person, "2026-03-02T08:00:00Z", "eventId", "e\u0000"),
                event("PERSON_DIED", person, "2026-03-02T08:00:00Z", "eventId", "e😀"),
                event("PERSON_DIED", person, "2026-03-02T08:00:00Z", "eventId", "é"),
                event("PERSON_DIED", "０２８２８４０４８９２", "2026-03-02T08:00:00Z"),
                event("PERSON_DIED", "٠٢٨٢٨٤٠٤٨٩٢", "2026-03-02T08:00:00Z"),
                event("PERSON_DIED", person, "２０２６-03-02T08:00:00Z"),
                event("HANDOVER_REJECTED", person, "2026-03-02T08:00:00Z", "handoverId", "h",
                        "reason", "bell\u0007"),
                event("HOUSING_RECORDED", person, "2026-03-02T08:00:00Z", "housing", "OWN\u200B"),
                event("EPISODE_STARTED", person, "2026-03-02T08:00:00Z", "episodeId", "e", "setting", "detox"),
                event("OVERDOSE_RECORDED", person, "2026-03-02T08:00:00Z", "fatal", Map.of("x", 1)),
                event("OVERDOSE_RECORDED", person, "2026-03-02T08:00:00Z", "fatal", List.of(true)));
        for (Map<String, Object> attack : attacks) {
            Api.Response response = api.post("/api/v1/events", attack);
            assertThat(response.status()).as(attack.toString()).isEqualTo(400);
            assertThat(response.json().get("errors")).isNotEmpty();
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void a_lone_surrogate_in_free_text_is_stored_or_refused_but_never_breaks_the_service() {
        String body = "{\"eventId\":\"s-1-" + System.nanoTime() + "\",\"type\":\"HANDOVER_REJECTED\",\"personId\":\""
                + TestPersons.next() + "\",\"occurredAt\":\"2026-03-02T08:00:00Z\",\"handoverId\":\"h\","
                + "\"reason\":\"half \\ud800 a pair\"}";
        assertThat(api.post("/api/v1/events", body, Map.of()).status()).isIn(201, 400);
    }

    @Test
    void wrong_media_types_methods_and_huge_headers_get_clean_answers() {
        Api.Response text = api.post("/api/v1/events", "hello", Map.of("Content-Type", "text/plain"));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");
        assertThat(api.call("PUT", "/api/v1/events", "{}", Map.of()).status()).isIn(403, 405);
        assertThat(api.call("DELETE", "/api/v1/gaps", null, Map.of()).status()).isIn(403, 405);
        Api.Response header = api.call("GET", "/api/v1/gaps", null, Map.of("X-Big", "x".repeat(20_000)));
        assertThat(header.status()).isEqualTo(400);
        Api.Response unknown = api.get("/api/v1/nothing-here");
        assertThat(unknown.status()).isIn(403, 404);
        assertThat(unknown.text()).doesNotContain("static").doesNotContain("resource api");
    }

    @Test
    void a_batch_mixing_hostile_and_good_events_stores_only_the_good_ones() {
        String person = TestPersons.next();
        Map<String, Object> good = housing(person, "2026-03-02T08:00:00Z", "OWN");
        Map<String, Object> bad = event("PERSON_DIED", person, "2026-03-02T08:00:00Z", "eventId", "' OR 1=1");
        var results = api.post("/api/v1/events/batch", Map.of("events", List.of(bad, good, "not an object", 7)))
                .json().get("results");
        List<Integer> statuses = new java.util.ArrayList<>();
        results.forEach(r -> statuses.add(r.get("status").intValue()));
        assertThat(statuses).containsExactly(400, 201, 400, 400);
    }

    private String pathway() {
        if (pathwayId == null) {
            pathwayId = api.post("/api/v1/events", housing(TestPersons.next(), "2026-03-02T08:00:00Z", "OWN"))
                    .json().get("pathwayId").stringValue();
        }
        return pathwayId;
    }

    static Stream<Arguments> instantParameters() {
        List<String> parameters = List.of("/api/v1/gaps?dueBefore=", "/api/v1/pathways/{id}/gaps?at=",
                "/api/v1/pathways/{id}/gaps?knownAt=", "/api/v1/indicators?from=", "/api/v1/indicators?to=",
                "/api/v1/audit/access-log?subject=s&from=", "/api/v1/audit/access-log?subject=s&to=");
        return parameters.stream().flatMap(p -> Stream.concat(ABSURD_INSTANTS.stream(),
                p.contains("indicators") || p.contains("access-log") ? Stream.of("1899-12-31", "0001-01-01")
                        : Stream.empty()).map(i -> Arguments.of(p, i)));
    }

    @ParameterizedTest(name = "{0}{1}")
    @MethodSource("instantParameters")
    void an_instant_outside_the_window_in_any_query_parameter_is_400_naming_it(String parameter, String instant) {
        String path = parameter.replace("{id}", pathway()) + URLEncoder.encode(instant, StandardCharsets.UTF_8);
        Api.Response response = api.get(path);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        String field = parameter.substring(parameter.lastIndexOf('&') > 0 ? parameter.lastIndexOf('&') + 1
                : parameter.indexOf('?') + 1, parameter.length() - 1);
        assertThat(response.json().get("errors").get(0).get("field").stringValue()).isEqualTo(field);
        assertThat(response.json().get("errors").get(0).get("message").stringValue()).contains("1900-01-01");
        assertThat(response.text()).doesNotContain(instant);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absurdInstants")
    void a_cursor_forged_around_an_absurd_instant_is_400(String instant) {
        String raw = instant + "|" + UUID.randomUUID();
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        Api.Response response = api.get("/api/v1/gaps?cursor=" + cursor);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").stringValue()).isEqualTo("cursor");
    }

    static Stream<String> absurdInstants() {
        return ABSURD_INSTANTS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absurdInstants")
    void an_event_at_an_absurd_instant_is_refused_and_changes_nothing(String instant) {
        long before = rows();
        String person = TestPersons.next();
        Api.Response occurred = api.post("/api/v1/events", event("PERSON_DIED", person, instant));
        Api.Response scheduled = api.post("/api/v1/events", event("APPOINTMENT_BOOKED", person,
                "2026-03-02T08:00:00Z", "appointmentId", "a", "setting", "NAV", "scheduledAt", instant));
        Api.Response batch = api.post("/api/v1/events/batch", Map.of("events", List.of(
                event("PERSON_DIED", person, instant))));
        assertThat(occurred.status()).isEqualTo(400);
        assertThat(occurred.json().get("errors").get(0).get("field").stringValue()).isEqualTo("occurredAt");
        assertThat(scheduled.status()).isEqualTo(400);
        assertThat(scheduled.json().get("errors").get(0).get("field").stringValue()).isEqualTo("scheduledAt");
        assertThat(batch.json().get("results").get(0).get("status").intValue()).isEqualTo(400);
        assertThat(occurred.text() + scheduled.text() + batch.text()).doesNotContain(instant);
        assertThat(rows()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controlCharacters")
    void control_characters_in_the_access_log_subject_are_400(String subject) {
        Api.Response response = api.get("/api/v1/audit/access-log?subject="
                + URLEncoder.encode(subject, StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").stringValue()).isEqualTo("subject");
    }

    static Stream<String> controlCharacters() {
        return Stream.of("\u0000", "a\u0000b", "\u0085", "\u001B[31m", "\u007F", "user\u0000' OR 1=1", "17866644330",
                "178666-44330");
    }

    static Stream<String> spellings() {
        return SPELLINGS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void an_identity_number_in_any_spelling_is_refused_in_every_id_and_text_of_an_event(String number) {
        long before = rows();
        String person = TestPersons.next();
        String at = "2026-03-02T08:00:00Z";
        Map<String, Map<String, Object>> attacks = Map.of(
                "eventId", event("PERSON_DIED", person, at, "eventId", "e-" + number),
                "episodeId", event("EPISODE_STARTED", person, at, "episodeId", number, "setting", "DETOX"),
                "handoverId", event("HANDOVER_ACCEPTED", person, at, "handoverId", number),
                "appointmentId", event("APPOINTMENT_MISSED", person, at, "appointmentId", "a:" + number),
                "retractedEventId", event("EVENT_RETRACTED", person, at, "retractedEventId", number, "reason", "x"),
                "reason", event("HANDOVER_REJECTED", person, at, "handoverId", "h", "reason", "pasient " + number));
        attacks.forEach((field, attack) -> {
            Api.Response response = api.post("/api/v1/events", attack);
            boolean idField = !field.equals("reason");
            assertThat(response.status()).as("%s %s", field, number).isEqualTo(400);
            // an id breaking the character rule (non-ASCII digits, spaces) is refused by that rule
            assertThat(response.json().get("errors").findValuesAsString("field")).as(field).contains(field);
            assertThat(IdentityNumbers.foundIn(response.text(), IdentityNumbers.Rule.PLAUSIBLE)).isFalse();
            if (!idField) {
                assertThat(response.json().get("errors").get(0).get("message").stringValue())
                        .contains("national identity number");
            }
        });
        assertThat(rows()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void an_identity_number_in_any_spelling_is_refused_in_an_acknowledgement_note(String number) {
        String gapId = overdoseGap();
        Api coordinator = api.as(token("oslo-kommune", Set.of(Role.COORDINATOR), Set.of("0301")));
        long before = storedEvents();
        Api.Response response = coordinator.post("/api/v1/gaps/" + gapId + "/acknowledge",
                Map.of("note", "called about " + number));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").stringValue()).isEqualTo("note");
        assertThat(IdentityNumbers.foundIn(response.text(), IdentityNumbers.Rule.PLAUSIBLE)).isFalse();
        assertThat(storedEvents()).isEqualTo(before);
    }

    private static volatile String overdoseGap;

    private String overdoseGap() {
        if (overdoseGap == null) {
            String pathway = api.post("/api/v1/events", event("OVERDOSE_RECORDED", TestPersons.next(),
                    clock.instant().minus(Duration.ofHours(2)).toString(), "fatal", false, "municipality", "0301"))
                    .json().get("pathwayId").stringValue();
            awaitReadModels();
            overdoseGap = api.get("/api/v1/pathways/" + pathway + "/gaps").json().get("gaps").get(0)
                    .get("gapId").stringValue();
        }
        return overdoseGap;
    }

    /** Headers travel as ISO-8859-1 bytes, so the spellings a header can carry: ASCII separators and NBSP. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void an_identity_number_in_the_stated_purpose_is_refused(String number) {
        if (!number.chars().allMatch(c -> c < 0x100)) {
            return;
        }
        RawHttp.Answer answer = new RawHttp(port).get("/api/v1/gaps", List.of("Authorization: Bearer "
                + token("test-source", Set.of(Role.values()), Set.of()), "X-Purpose: follow-up of " + number));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("X-Purpose").contains("national identity number");
        assertThat(IdentityNumbers.foundIn(answer.everything(), IdentityNumbers.Rule.PLAUSIBLE)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void a_token_whose_subject_or_client_hides_an_identity_number_reads_nothing(String number) {
        if (!number.chars().allMatch(c -> c < 0x80)) {
            return;
        }
        Api reader = api.as(issuer.mint(number, "c-" + number, List.of("pathway:dashboard.read", "pathway:audit.read"),
                Map.of(), Duration.ofMinutes(5)));
        Api.Response gaps = reader.get("/api/v1/gaps");
        assertThat(gaps.status()).isEqualTo(403);
        assertThat(IdentityNumbers.foundIn(gaps.text(), IdentityNumbers.Rule.PLAUSIBLE)).isFalse();
        long logged = jdbc.sql("SELECT count(*) FROM access_log WHERE subject = ? OR client = ?")
                .params(number, "c-" + number).query(Long.class).single();
        assertThat(logged).isZero();
    }
}
