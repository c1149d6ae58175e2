package no.pathway.api.security;

import static no.pathway.api.support.Events.event;
import static no.pathway.api.support.Events.housing;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile and broken clients get clean 4xx answers, never a 500 or an internal name, and change nothing. */
class HostileInputIT extends ApiIT {
    private static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "1; DROP TABLE gap; --", "0301') OR ('a'='a", "${jndi:ldap://x/a}", "<script>x</script>",
            "../../etc/passwd", "%00", "\u202Egnirts", "０３０１", "٠٣٠١", "0301\n0302", "9".repeat(3000));

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
}
