package no.pathway.api.identity;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import no.pathway.api.security.Role;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestDatabase;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The person behind a pathway (api.md): the number revealed for a stated purpose to those who may see the pathway,
 * logged before it leaves and shown in the person's own "who looked"; erased for good by crypto-shredding while the
 * pathway's record stays whole; and kept apart from everything else.
 */
class PersonBehindPathwayIT extends ApiIT {
    private static final String OSLO = "0301";
    private static final String BERGEN = "4601";
    private static final String AT = "2026-03-02T08:00:00Z";

    @Autowired
    private Retention retention;
    @Autowired
    private VaultProperties vaultSettings;

    private String person;
    private String pathway;

    @BeforeEach
    void aDetoxDischargeInOslo() {
        person = TestPersons.next();
        pathway = api.post("/api/v1/events", event("EPISODE_ENDED", person, AT, "episodeId", "avr-1",
                "setting", "DETOX", "endReason", "COMPLETED", "municipality", OSLO)).json().get("pathwayId")
                .stringValue();
        awaitReadModels();
    }

    private Api.Response reveal(Api as, Object body) {
        return as.post("/api/v1/pathways/" + pathway + "/identity", body);
    }

    private Api as(String client, Set<Role> roles, Set<String> municipalities) {
        return api.as(token(client, roles, municipalities));
    }

    static Stream<Arguments> whoMayReveal() {
        return Stream.of(
                Arguments.of("an auditor", Set.of(Role.AUDITOR), Set.of(), 200),
                Arguments.of("a coordinator of the pathway's municipality", Set.of(Role.COORDINATOR), Set.of(OSLO), 200),
                Arguments.of("a coordinator of two municipalities, one of them", Set.of(Role.COORDINATOR),
                        Set.of(BERGEN, OSLO), 200),
                Arguments.of("a coordinator of another municipality", Set.of(Role.COORDINATOR), Set.of(BERGEN), 404),
                Arguments.of("a coordinator of no municipality", Set.of(Role.COORDINATOR), Set.of(), 404),
                Arguments.of("a source system", Set.of(Role.SOURCE), Set.of(OSLO), 403),
                Arguments.of("an operator", Set.of(Role.OPERATOR), Set.of(OSLO), 403));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("whoMayReveal")
    void the_number_is_revealed_only_to_those_who_may_see_the_pathway(String who, Set<Role> roles,
                                                                      Set<String> municipalities, int expected) {
        Api.Response answer = reveal(as("reveal-" + expected + "-" + roles.hashCode(), roles, municipalities),
                Map.of("purpose", "FOLLOW_UP"));

        assertThat(answer.status()).as(who).isEqualTo(expected);
        if (expected == 200) {
            assertThat(answer.json().get("personId").stringValue()).isEqualTo(person);
            assertThat(answer.json().get("purpose").stringValue()).isEqualTo("FOLLOW_UP");
        } else {
            assertThat(answer.text()).doesNotContain(person);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void a_coordinator_of_another_municipality_gets_the_same_answer_as_for_no_pathway_at_all() {
        Api bergen = as("bergen-coordinator", Set.of(Role.COORDINATOR), Set.of(BERGEN));
        Api.Response hidden = reveal(bergen, Map.of("purpose", "FOLLOW_UP"));
        Api.Response none = bergen.post("/api/v1/pathways/" + "A".repeat(43) + "/identity",
                Map.of("purpose", "FOLLOW_UP"));

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.text()).isEqualTo(none.text());
    }

    @Test
    void without_a_token_nothing_is_revealed() {
        assertThat(new Api(port).post("/api/v1/pathways/" + pathway + "/identity", Map.of("purpose", "AUDIT"))
                .status()).isEqualTo(401);
    }

    static Stream<Arguments> badBodies() {
        Map<String, Object> withUnknownField = new LinkedHashMap<>();
        withUnknownField.put("purpose", "FOLLOW_UP");
        withUnknownField.put("personId", "12345678901");
        return Stream.of(
                Arguments.of("no purpose", Map.of(), "purpose"),
                Arguments.of("a purpose not on the list", Map.of("purpose", "CURIOSITY"), "purpose"),
                Arguments.of("a purpose of the wrong type", Map.of("purpose", 7), "purpose"),
                Arguments.of("a blank purpose", Map.of("purpose", " "), "purpose"),
                Arguments.of("a note of the wrong type", Map.of("purpose", "FOLLOW_UP", "note", List.of("x")), "note"),
                Arguments.of("a note with a control character", Map.of("purpose", "FOLLOW_UP", "note", "a\u0007b"),
                        "note"),
                Arguments.of("a note that is too long", Map.of("purpose", "FOLLOW_UP", "note", "x".repeat(151)),
                        "note"),
                Arguments.of("a field that is not in the contract", withUnknownField, "personId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void a_reveal_without_a_valid_purpose_is_refused_and_leaves_no_trace(String what, Object body, String field) {
        Api auditor = as("helsetilsynet-bad", Set.of(Role.AUDITOR), Set.of());
        long logged = logEntriesOf(pathway);

        Api.Response answer = reveal(auditor, body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").findValuesAsString("field")).contains(field);
        assertThat(answer.text()).doesNotContain(person).doesNotContain("12345678901");
        assertThat(logEntriesOf(pathway)).isEqualTo(logged);
    }

    @Test
    void a_note_carrying_an_identity_number_is_refused() {
        Api.Response answer = reveal(as("helsetilsynet-note", Set.of(Role.AUDITOR), Set.of()),
                Map.of("purpose", "AUDIT", "note", "about " + person));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).doesNotContain(person);
    }

    @Test
    void every_reveal_is_in_the_access_log_with_its_purpose_and_in_the_persons_own_view() {
        Api coordinator = as("oslo-kommune", Set.of(Role.COORDINATOR), Set.of(OSLO));
        assertThat(reveal(coordinator, Map.of("purpose", "FOLLOW_UP", "note", "no appointment after detox"))
                .status()).isEqualTo(200);

        var entries = api.get("/api/v1/pathways/" + pathway + "/access-log").json().get("entries");
        var reveal = Stream.of(entries.valueStream().toArray(tools.jackson.databind.JsonNode[]::new))
                .filter(e -> e.get("call").stringValue().equals("POST /api/v1/pathways/{pathwayId}/identity"))
                .findFirst().orElseThrow();
        assertThat(reveal.get("subject").stringValue()).isEqualTo("user-oslo-kommune");
        assertThat(reveal.get("purpose").stringValue()).isEqualTo("FOLLOW_UP: no appointment after detox");

        var byPerson = api.post("/api/v1/audit/access-log/by-person", Map.of("personId", person)).json();
        assertThat(byPerson.get("entries").findValuesAsString("call"))
                .contains("POST /api/v1/pathways/{pathwayId}/identity");
    }

    @Test
    void a_failed_access_log_write_fails_the_reveal() {
        var owner = TestDatabase.asOwner();
        owner.sql("""
                CREATE OR REPLACE FUNCTION refuse_reveal_log() RETURNS trigger AS $$
                BEGIN
                    IF NEW.subject = 'user-log-breaker' THEN RAISE EXCEPTION 'log unavailable'; END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql""").update();
        owner.sql("CREATE TRIGGER refuse_reveal_log BEFORE INSERT ON access_log FOR EACH ROW "
                + "EXECUTE FUNCTION refuse_reveal_log()").update();
        try {
            Api.Response answer = reveal(as("log-breaker", Set.of(Role.AUDITOR), Set.of()),
                    Map.of("purpose", "AUDIT"));

            assertThat(answer.status()).isGreaterThanOrEqualTo(500);
            assertThat(answer.text()).doesNotContain(person);
        } finally {
            owner.sql("DROP TRIGGER refuse_reveal_log ON access_log").update();
            owner.sql("DROP FUNCTION refuse_reveal_log()").update();
        }
    }

    @Test
    void reveals_past_the_hourly_limit_are_refused_until_the_hour_has_passed() {
        Api coordinator = as("busy-coordinator", Set.of(Role.COORDINATOR), Set.of(OSLO));
        for (int i = 0; i < vaultSettings.revealsPerHour(); i++) {
            assertThat(reveal(coordinator, Map.of("purpose", "FOLLOW_UP")).status()).isEqualTo(200);
        }

        Api.Response refused = reveal(coordinator, Map.of("purpose", "FOLLOW_UP"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text()).doesNotContain(person);
        assertThat(as("other-coordinator", Set.of(Role.COORDINATOR), Set.of(OSLO)).post("/api/v1/pathways/"
                + pathway + "/identity", Map.of("purpose", "FOLLOW_UP")).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(61));
        assertThat(reveal(coordinator, Map.of("purpose", "FOLLOW_UP")).status()).isEqualTo(200);
    }

    @Test
    void erasure_destroys_the_number_for_good_while_history_and_gaps_still_work() {
        Api auditor = as("helsetilsynet-erasure", Set.of(Role.AUDITOR), Set.of());
        Api.Response erased = auditor.post("/api/v1/pathways/" + pathway + "/identity/erasure",
                Map.of("reason", "ERASURE_REQUEST", "note", "case 2026/17"));
        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.json().get("reason").stringValue()).isEqualTo("ERASURE_REQUEST");

        Api.Response reveal = reveal(auditor, Map.of("purpose", "AUDIT"));
        assertThat(reveal.status()).isEqualTo(410);
        assertThat(reveal.text()).doesNotContain(person);
        assertThat(auditor.post("/api/v1/pathways/" + pathway + "/identity/erasure",
                Map.of("reason", "ERASURE_REQUEST")).status()).isEqualTo(410);

        assertThat(api.get("/api/v1/pathways/" + pathway + "/history").json().get("events")).hasSize(1);
        assertThat(api.get("/api/v1/pathways/" + pathway + "/gaps?at=2026-03-02T09:00:00Z").json().get("gaps")
                .findValuesAsString("rule")).contains("DETOX_NO_TREATMENT_24H");
        assertThat(api.get("/api/v1/pathways/" + pathway + "/verify").json().get("intact").booleanValue()).isTrue();
        assertThat(jdbc.sql("SELECT data_key IS NULL AND identity IS NULL FROM identity_vault WHERE pathway_id = ?")
                .param(pathway).query(Boolean.class).single()).isTrue();
    }

    @Test
    void erasure_is_for_auditors_and_operators() {
        Map<String, Object> body = Map.of("reason", "ENTERED_IN_ERROR");
        String path = "/api/v1/pathways/" + pathway + "/identity/erasure";
        assertThat(as("oslo-erase", Set.of(Role.COORDINATOR), Set.of(OSLO)).post(path, body).status()).isEqualTo(403);
        assertThat(as("dips-erase", Set.of(Role.SOURCE), Set.of()).post(path, body).status()).isEqualTo(403);
        assertThat(as("ops-erase", Set.of(Role.OPERATOR), Set.of()).post(path, body).status()).isEqualTo(200);
    }

    @Test
    void a_later_fact_about_an_erased_person_keeps_the_number_again() {
        api.post("/api/v1/pathways/" + pathway + "/identity/erasure", Map.of("reason", "RETENTION"));
        api.post("/api/v1/events", event("HOUSING_RECORDED", person, "2026-03-05T08:00:00Z", "housing", "OWN"));

        Api.Response reveal = reveal(api, Map.of("purpose", "AUDIT"));
        assertThat(reveal.status()).isEqualTo(200);
        assertThat(reveal.json().get("personId").stringValue()).isEqualTo(person);
        assertThat(jdbc.sql("SELECT last_erasure_reason FROM identity_vault WHERE pathway_id = ?").param(pathway)
                .query(String.class).single()).isEqualTo("RETENTION");
    }

    @Test
    void retention_erases_the_numbers_of_pathways_without_a_fact_for_the_retention_period() {
        String quiet = TestPersons.next();
        Instant start = clock.instant();
        String quietPathway = api.post("/api/v1/events", event("HOUSING_RECORDED", quiet, AT, "housing", "OWN"))
                .json().get("pathwayId").stringValue();
        clock.advance(Duration.ofDays(3653 - 1));
        api.post("/api/v1/events", event("HOUSING_RECORDED", person, AT, "housing", "OWN"));
        clock.advance(Duration.ofDays(2));

        retention.run();

        assertThat(api.post("/api/v1/pathways/" + quietPathway + "/identity", Map.of("purpose", "AUDIT")).status())
                .as("quiet since %s", start).isEqualTo(410);
        assertThat(reveal(api, Map.of("purpose", "AUDIT")).status()).isEqualTo(200);
    }

    @Test
    void the_vault_holds_the_number_only_as_ciphertext() {
        byte[] identity = jdbc.sql("SELECT identity FROM identity_vault WHERE pathway_id = ?").param(pathway)
                .query(byte[].class).single();
        byte[] dataKey = jdbc.sql("SELECT data_key FROM identity_vault WHERE pathway_id = ?").param(pathway)
                .query(byte[].class).single();

        assertThat(new String(identity, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(person);
        assertThat(identity.length).isGreaterThan(person.length());
        assertThat(dataKey).isNotEmpty();
    }

    private long logEntriesOf(String pathwayId) {
        return jdbc.sql("SELECT count(*) FROM access_log WHERE pathway_ids @> ARRAY[?]::text[]").param(pathwayId)
                .query(Long.class).single();
    }
}
