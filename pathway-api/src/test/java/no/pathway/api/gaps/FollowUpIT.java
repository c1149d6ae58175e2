package no.pathway.api.gaps;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.security.Role;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Assigning a gap and recording follow-up attempts through the API: events on the gap's pathway, shown on the gap in
 * the dashboard and the pathway's gaps, kept through a rebuild; only a coordinator of the gap's municipality may, and
 * every bad field is named with nothing stored.
 */
class FollowUpIT extends ApiIT {
    private static final String OSLO = "0301";
    private static final String BERGEN = "4601";

    private String person;
    private String pathway;
    private String gapId;
    private Api oslo;

    @BeforeEach
    void anOverdoseInOslo() {
        person = TestPersons.next();
        String at = clock.instant().minus(Duration.ofHours(2)).toString();
        api.post("/api/v1/events", event("OVERDOSE_RECORDED", person, at, "fatal", false, "municipality", OSLO));
        pathway = pathwayOf(person);
        awaitReadModels();
        gapId = api.get("/api/v1/pathways/" + pathway + "/gaps").json().get("gaps").get(0).get("gapId").stringValue();
        oslo = api.as(token("oslo-kommune", Set.of(Role.COORDINATOR), Set.of(OSLO)));
    }

    @Test
    void an_assignment_and_the_call_log_show_on_the_gap_everywhere_and_survive_a_rebuild() {
        Api.Response assigned = oslo.post("/api/v1/gaps/" + gapId + "/assignment", Map.of("assignee", "user-kari"));
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(201);
        assertThat(assigned.json().get("assignedTo").stringValue()).isEqualTo("user-kari");
        assertThat(assigned.json().get("assignedBy").stringValue()).isEqualTo("user-oslo-kommune");
        assertThat(oslo.post("/api/v1/gaps/" + gapId + "/follow-up-attempts",
                Map.of("outcome", "NOT_REACHED")).status()).isEqualTo(201);
        Api.Response attempt = oslo.post("/api/v1/gaps/" + gapId + "/follow-up-attempts",
                Map.of("outcome", "APPOINTMENT_BOOKED", "note", "time hos fastlegen fredag"));
        assertThat(attempt.status()).as(attempt.text()).isEqualTo(201);
        assertThat(attempt.json().get("attemptedBy").stringValue()).isEqualTo("user-oslo-kommune");
        awaitReadModels();

        assertFollowedUp(gapOf(oslo.get("/api/v1/pathways/" + pathway + "/gaps").json().get("gaps")));
        assertFollowedUp(gapOf(oslo.get("/api/v1/gaps?limit=500").json().get("items")));
        JsonNode history = api.get("/api/v1/pathways/" + pathway + "/history").json().get("events");
        assertThat(history.findValuesAsString("type")).containsSubsequence("OVERDOSE_RECORDED", "GAP_ASSIGNED",
                "FOLLOW_UP_ATTEMPTED", "FOLLOW_UP_ATTEMPTED");

        assertThat(api.post("/api/v1/admin/read-models/rebuild", "{}", Map.of()).status()).isEqualTo(202);
        awaitReadModels();
        assertFollowedUp(gapOf(oslo.get("/api/v1/gaps?limit=500").json().get("items")));
    }

    private static void assertFollowedUp(JsonNode gap) {
        assertThat(gap.get("assignedTo").stringValue()).isEqualTo("user-kari");
        assertThat(gap.get("assignedBy").stringValue()).isEqualTo("user-oslo-kommune");
        assertThat(gap.get("followUpAttempts").findValuesAsString("outcome"))
                .containsExactly("NOT_REACHED", "APPOINTMENT_BOOKED");
        assertThat(gap.get("followUpAttempts").get(1).get("note").stringValue()).isEqualTo("time hos fastlegen fredag");
        assertThat(gap.get("followUpAttempts").get(0).has("note")).isFalse();
    }

    @Test
    void the_assignee_filter_finds_my_gaps_and_the_unassigned_ones() {
        String other = otherGap();
        oslo.post("/api/v1/gaps/" + gapId + "/assignment", Map.of("assignee", "user-oslo-kommune"));
        awaitReadModels();

        List<String> mine = oslo.get("/api/v1/gaps?assignee=me&limit=500").json().findValuesAsString("gapId");
        List<String> nobodys = oslo.get("/api/v1/gaps?assignee=none&limit=500").json().findValuesAsString("gapId");
        assertThat(mine).contains(gapId).doesNotContain(other);
        assertThat(nobodys).contains(other).doesNotContain(gapId);
        Api colleague = api.as(token("oslo-kollega", Set.of(Role.COORDINATOR), Set.of(OSLO)));
        assertThat(colleague.get("/api/v1/gaps?assignee=me&limit=500").json().findValuesAsString("gapId"))
                .doesNotContain(gapId);

        Api.Response bad = oslo.get("/api/v1/gaps?assignee=someone");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").stringValue()).isEqualTo("assignee");
        assertThat(bad.text()).doesNotContain("someone");
    }

    private String otherGap() {
        String someone = TestPersons.next();
        api.post("/api/v1/events", event("OVERDOSE_RECORDED", someone, clock.instant().minus(Duration.ofHours(1))
                .toString(), "fatal", false, "municipality", OSLO));
        awaitReadModels();
        return api.get("/api/v1/pathways/" + pathwayOf(someone) + "/gaps").json().get("gaps").get(0).get("gapId")
                .stringValue();
    }

    static Stream<Arguments> callers() {
        return Stream.of(
                Arguments.of("a coordinator of another municipality", Set.of(Role.COORDINATOR), Set.of(BERGEN), 404),
                Arguments.of("an auditor", Set.of(Role.AUDITOR), Set.of(OSLO), 403),
                Arguments.of("a source system", Set.of(Role.SOURCE), Set.of(OSLO), 403),
                Arguments.of("an operator", Set.of(Role.OPERATOR), Set.of(OSLO), 403),
                Arguments.of("a coordinator and auditor of no municipality", Set.of(Role.COORDINATOR, Role.AUDITOR),
                        Set.of(), 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void only_a_coordinator_of_the_gaps_municipality_may_act_on_it(String who, Set<Role> roles, Set<String> where,
                                                                   int status) {
        Api caller = api.as(token("c-" + roles.hashCode(), roles, where));
        long before = storedEvents();
        Api.Response assign = caller.post("/api/v1/gaps/" + gapId + "/assignment", Map.of("assignee", "x"));
        Api.Response attempt = caller.post("/api/v1/gaps/" + gapId + "/follow-up-attempts",
                Map.of("outcome", "REACHED"));

        assertThat(assign.status()).isEqualTo(status);
        assertThat(attempt.status()).isEqualTo(status);
        if (status == 404) {
            Api.Response unknown = caller.post("/api/v1/gaps/" + java.util.UUID.randomUUID() + "/assignment",
                    Map.of("assignee", "x"));
            assertThat(assign.text()).isEqualTo(unknown.text());
        }
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(oslo.post("/api/v1/gaps/not-a-gap/assignment", Map.of("assignee", "x")).status()).isEqualTo(404);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("assignment", "{}", List.of("assignee")),
                Arguments.of("assignment", "{\"assignee\": \"  \"}", List.of("assignee")),
                Arguments.of("assignment", "{\"assignee\": 7, \"extra\": \"x\"}", List.of("assignee", "extra")),
                Arguments.of("assignment", "{\"assignee\": \"kari 01849639435\"}", List.of("assignee")),
                Arguments.of("assignment", "[]", List.of("(body)")),
                Arguments.of("follow-up-attempts", "{\"note\": \"x\"}", List.of("outcome")),
                Arguments.of("follow-up-attempts", "{\"outcome\": \"MAYBE\", \"note\": \"" + "x".repeat(501) + "\"}",
                        List.of("outcome", "note")),
                Arguments.of("follow-up-attempts", "{\"outcome\": \"REACHED\", \"note\": \"ringte 19868740445\"}",
                        List.of("note")),
                Arguments.of("follow-up-attempts", "{\"outcome\": \"REACHED\", \"by\": \"me\"}", List.of("by")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badBodies")
    void bad_input_names_each_bad_field_echoes_nothing_and_stores_nothing(String action, String body,
                                                                          List<String> fields) {
        long before = storedEvents();
        Api.Response answer = oslo.post("/api/v1/gaps/" + gapId + "/" + action, body, Map.of());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").findValuesAsString("field")).containsExactlyElementsOf(fields);
        assertThat(answer.text()).doesNotContain("01849639435", "19868740445", "MAYBE", "xxxxxxxxxx");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void sources_may_not_post_coordinator_actions_nor_retract_them() {
        for (String type : List.of("GAP_ASSIGNED", "FOLLOW_UP_ATTEMPTED")) {
            Api.Response posted = api.post("/api/v1/events", event(type, TestPersons.next(), "2026-03-02T08:00:00Z",
                    "gapId", gapId));
            assertThat(posted.status()).isEqualTo(400);
            assertThat(posted.json().get("errors").get(0).get("message").stringValue())
                    .contains("is recorded by the service");
        }
        String assignment = oslo.post("/api/v1/gaps/" + gapId + "/assignment", Map.of("assignee", "user-kari"))
                .json().get("eventId").stringValue();
        Api source = api.as(token("oslo-kommune", Set.of(Role.SOURCE), Set.of()));
        JsonNode problem = source.post("/api/v1/events", event("EVENT_RETRACTED", person, clock.instant().toString(),
                "retractedEventId", assignment, "reason", "entered in error")).json();
        assertThat(problem.get("errors").get(0).get("message").stringValue()).contains("only a coordinator");
    }

    private JsonNode gapOf(JsonNode gaps) {
        for (JsonNode g : gaps) {
            if (g.get("gapId").stringValue().equals(gapId)) {
                return g;
            }
        }
        throw new AssertionError("no gap " + gapId + " in " + gaps);
    }
}
