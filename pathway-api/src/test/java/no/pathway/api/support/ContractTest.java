package no.pathway.api.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check fails, naming the operation and the mismatch, when an exchange strays from the document. */
class ContractTest {
    private static final String PATHWAY = "A".repeat(43);
    private static final Map<String, List<String>> JSON_REQUEST = Map.of("Content-Type", List.of("application/json"),
            "Authorization", List.of("Bearer x.y.z"));
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final Map<String, List<String>> PROBLEM = Map.of("Content-Type",
            List.of("application/problem+json"));
    private static final String EVENT = """
            {"eventId": "e-1", "type": "HOUSING_RECORDED", "personId": "02828404892",
             "occurredAt": "2026-03-02T08:00:00+01:00", "housing": "OWN"}""";
    private static final String STORED = """
            {"eventId": "e-1", "pathwayId": "%s", "sequence": 0, "recordedAt": "2026-03-02T07:00:01Z"}"""
            .formatted(PATHWAY);

    private static Contract.Exchange post(String body, int status, Map<String, List<String>> headers, String answer) {
        return new Contract.Exchange("POST", "/api/v1/events", JSON_REQUEST, body, status, headers, answer);
    }

    @Test
    void a_documented_exchange_passes() {
        assertThatCode(() -> Contract.check(post(EVENT, 201, JSON, STORED))).doesNotThrowAnyException();
    }

    @Test
    void a_documented_null_passes_and_an_undocumented_one_fails() {
        String status = """
                {"processor": "p", "running": true, "head": 3, "behind": 0, "replaying": true, "lastFailure": null,
                 "rebuildFailure": null, "quarantined": 0, "segments": []}""";
        Contract.Exchange rebuild = new Contract.Exchange("POST", "/api/v1/admin/read-models/rebuild", JSON_REQUEST,
                null, 202, JSON, status);
        assertThatCode(() -> Contract.check(rebuild)).doesNotThrowAnyException();
        Contract.Exchange nullHead = new Contract.Exchange("POST", "/api/v1/admin/read-models/rebuild", JSON_REQUEST,
                null, 202, JSON, status.replace("\"head\": 3", "\"head\": null"));
        assertThatThrownBy(() -> Contract.check(nullHead)).hasMessageContaining("rebuildReadModels")
                .hasMessageContaining("head");
    }

    @Test
    void an_answer_missing_a_required_field_fails_naming_the_operation() {
        assertThatThrownBy(() -> Contract.check(post(EVENT, 201, JSON, STORED.replace("\"sequence\": 0,", ""))))
                .hasMessageContaining("postEvent (POST /api/v1/events)").hasMessageContaining("sequence");
    }

    @Test
    void an_answer_with_a_field_the_document_does_not_know_fails() {
        String answer = STORED.replace("{", "{\"explanation\": \"x\",");
        assertThatThrownBy(() -> Contract.check(post(EVENT, 201, JSON, answer)))
                .hasMessageContaining("postEvent").hasMessageContaining("explanation");
    }

    @Test
    void an_error_that_is_not_a_problem_fails() {
        assertThatThrownBy(() -> Contract.check(post(EVENT, 400, JSON, "{\"error\": \"bad\"}")))
                .hasMessageContaining("postEvent");
    }

    @Test
    void an_accepted_request_the_document_refuses_fails() {
        String extra = EVENT.replace("{", "{\"colour\": \"blue\",");
        assertThatThrownBy(() -> Contract.check(post(extra, 201, JSON, STORED)))
                .hasMessageContaining("accepted a request the document does not allow").hasMessageContaining("colour");
    }

    @Test
    void a_refused_request_is_checked_for_its_answer_only() {
        String problem = "{\"type\": \"about:blank\", \"title\": \"Bad Request\", \"status\": 400,"
                + " \"errors\": [{\"field\": \"colour\", \"message\": \"is not a field of HOUSING_RECORDED\"}]}";
        String extra = EVENT.replace("{", "{\"colour\": \"blue\",");
        assertThatCode(() -> Contract.check(post(extra, 400, PROBLEM, problem))).doesNotThrowAnyException();
    }

    @Test
    void a_path_outside_the_document_must_answer_a_problem() {
        String problem = "{\"type\": \"about:blank\", \"title\": \"Not Found\", \"status\": 404}";
        assertThatCode(() -> Contract.check(new Contract.Exchange("GET", "/api/v1/nothing", JSON_REQUEST, null, 404,
                PROBLEM, problem))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Contract.check(new Contract.Exchange("GET", "/api/v1/nothing", JSON_REQUEST, null,
                404, Map.of("Content-Type", List.of("text/html")), "<html>"))).hasMessageContaining("not a problem");
    }
}
