package no.pathway.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.RawHttp;
import no.pathway.core.value.IdentityNumbers;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Malformed and hostile requests, sent byte for byte, each carrying a marker and an identity number in the part
 * that is wrong. Wherever the refusal arises (Tomcat, the firewall, the security chain, Spring MVC, a controller),
 * the answer is never a 500, is problem+json in the one shape, carries the security headers, and echoes neither
 * the marker nor the number; and nothing of the request reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorAnswersIT extends ApiIT {
    private static final String MARKER = "zqxmarker";
    /** A synthetic identity number with valid check digits, and the same in other spellings. */
    private static final String NUMBER = "17866644330";
    private static final String TAINT = MARKER + NUMBER;

    /** One hostile request; {@code token} adds a valid bearer token with every role. */
    record Hostile(String name, String method, String target, List<String> headers, String body, boolean token) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Hostile anonymous(String name, String method, String target, String... headers) {
        return new Hostile(name, method, target, List.of(headers), "", false);
    }

    private static Hostile authenticated(String name, String method, String target, String... headers) {
        return new Hostile(name, method, target, List.of(headers), "", true);
    }

    private static Hostile posting(String name, String target, String body, String... headers) {
        return new Hostile(name, "POST", target, List.of(headers), body, true);
    }

    static Stream<Hostile> hostile() {
        return Stream.of(
                authenticated("a request id that is an identity number", "GET", "/api/v1/gaps",
                        "X-Request-Id: " + NUMBER),
                anonymous("a request id with a marker and spaces", "GET", "/api/v1/gaps",
                        "X-Request-Id: " + MARKER + " " + NUMBER),
                anonymous("a purpose with a raw 0x85 byte, unauthenticated", "GET", "/api/v1/gaps",
                        "X-Purpose: case " + NUMBER + " " + MARKER + " \u0085"),
                anonymous("a purpose with a raw 0x85 byte on a public endpoint", "GET", "/actuator/health",
                        "X-Purpose: case " + NUMBER + " " + MARKER + " \u0085"),
                authenticated("a purpose with a raw 0x85 byte", "GET", "/api/v1/gaps",
                        "X-Purpose: case " + NUMBER + " " + MARKER + " \u0085"),
                authenticated("a purpose with a NUL byte", "GET", "/api/v1/gaps",
                        "X-Purpose: case " + NUMBER + " " + MARKER + " \u0000"),
                authenticated("a purpose with an identity number", "GET", "/api/v1/gaps",
                        "X-Purpose: " + MARKER + " 178666-44330"),
                authenticated("any header with a raw control byte", "GET", "/api/v1/gaps",
                        "X-Anything: " + TAINT + "\u0085"),
                anonymous("a bearer token with a raw 0x85 byte", "GET", "/api/v1/gaps",
                        "Authorization: Bearer " + TAINT + "\u0085"),
                anonymous("a garbage bearer token", "GET", "/api/v1/gaps", "Authorization: Bearer " + TAINT),
                anonymous("a path parameter, unauthenticated", "GET", "/api/v1/pathways/" + NUMBER + ";a=" + MARKER),
                authenticated("a path parameter", "GET", "/api/v1/pathways/" + NUMBER + ";a=" + MARKER),
                authenticated("a path parameter on a known route", "GET", "/api/v1/gaps;" + TAINT),
                authenticated("an encoded slash", "GET", "/api/v1/pathways/%2F" + TAINT),
                authenticated("an encoded backslash", "GET", "/api/v1/pathways/%5C" + TAINT),
                authenticated("an encoded percent", "GET", "/api/v1/pathways/%25" + TAINT),
                authenticated("a dot segment", "GET", "/api/v1/pathways/..;/" + TAINT),
                authenticated("a double slash", "GET", "/api/v1//pathways/" + TAINT),
                authenticated("an encoded NUL", "GET", "/api/v1/pathways/%00" + TAINT),
                authenticated("a broken percent escape", "GET", "/api/v1/pathways/" + TAINT + "%zz"),
                authenticated("an overlong UTF-8 slash", "GET", "/api/v1/pathways/%C0%AF" + TAINT),
                authenticated("invalid characters in the query", "GET", "/api/v1/gaps?x={" + TAINT + "}"),
                authenticated("a NUL in a filter", "GET", "/api/v1/gaps?status=%00" + TAINT),
                authenticated("a NUL in the subject", "GET", "/api/v1/audit/access-log?subject=%00" + TAINT),
                authenticated("an unknown method", "FOO" + NUMBER, "/api/v1/gaps"),
                authenticated("a method the endpoint does not take", "DELETE", "/actuator/health?" + TAINT),
                authenticated("an unknown admin path", "GET", "/api/v1/admin/" + TAINT),
                authenticated("a path nobody serves", "GET", "/" + TAINT),
                authenticated("an unacceptable Accept", "GET", "/api/v1/gaps", "Accept: application/x-" + TAINT),
                posting("an unsupported content type", "/api/v1/events", "{}", "Content-Type: text/x-" + TAINT),
                posting("a content type with a raw 0x85 byte", "/api/v1/events", "{}",
                        "Content-Type: application/json; x=" + TAINT + "\u0085"),
                posting("broken JSON quoting the number", "/api/v1/events",
                        "{\"personId\": \"" + NUMBER + "\", \"" + MARKER + "\"", "Content-Type: application/json"),
                posting("a lookup with the number in fullwidth digits", "/api/v1/pathways/lookup",
                        "{\"personId\": \"\uFF11\uFF17\uFF18\uFF16\uFF16\uFF16\uFF14\uFF14\uFF13\uFF13\uFF10\"}",
                        "Content-Type: application/json"),
                authenticated("a header over 16 KB", "GET", "/api/v1/gaps",
                        "X-Big: " + TAINT + "x".repeat(20_000)),
                authenticated("a request line over 16 KB", "GET", "/api/v1/gaps?q=" + TAINT + "x".repeat(20_000)),
                authenticated("a header name with a bad character", "GET", "/api/v1/gaps",
                        "X-" + MARKER + "(" + NUMBER + "): 1"),
                authenticated("a second Host header", "GET", "/api/v1/gaps", "Host: " + TAINT + ".example"),
                authenticated("an unknown transfer coding", "GET", "/api/v1/gaps",
                        "Transfer-Encoding: x-" + TAINT),
                authenticated("a negative content length", "GET", "/api/v1/gaps", "Content-Length: -" + NUMBER),
                authenticated("an unknown expectation", "GET", "/api/v1/gaps", "Expect: " + TAINT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void a_hostile_request_gets_a_clean_answer_and_leaves_no_trace_in_the_log(Hostile request, CapturedOutput log) {
        List<String> headers = new ArrayList<>(request.headers());
        if (request.token()) {
            headers.add("Authorization: Bearer " + token("test-source", Set.of(Role.values()), Set.of()));
        }
        RawHttp.Answer answer = new RawHttp(port).send(request.method(), request.target(), headers,
                request.body().getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as("status").isNotEqualTo(500);
        assertThat(answer.everything().toLowerCase(Locale.ROOT)).as("echo").doesNotContain(MARKER)
                .doesNotContain(NUMBER);
        assertThat(IdentityNumbers.foundIn(answer.everything(), IdentityNumbers.Rule.PLAUSIBLE)).as("echo").isFalse();
        assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.header("X-Frame-Options")).contains("DENY");
        // the API allows nothing to load; a page (a path outside the API) its own origin only
        boolean page = !request.target().startsWith("/api/") && !request.target().startsWith("/actuator");
        assertThat(answer.header("Content-Security-Policy")).get().asString()
                .contains(page ? "default-src 'self'" : "default-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(answer.header("Cache-Control")).get().asString().contains("no-store");
        assertThat(answer.header("Referrer-Policy")).contains(page ? "same-origin" : "no-referrer");
        if (answer.status() >= 400 && !page) {
            assertThat(answer.header("Content-Type")).get().asString().startsWith("application/problem+json");
            JsonNode problem = Api.JSON.readTree(answer.body());
            assertThat(problem.get("status").intValue()).isEqualTo(answer.status());
            assertThat(problem.get("title").isString()).isTrue();
            assertThat(problem.get("detail").isString()).isTrue();
            assertThat(problem.propertyNames()).isSubsetOf("type", "title", "status", "detail", "errors");
        }
        assertThat(log.getAll()).as("log").doesNotContain(MARKER).doesNotContain(NUMBER).doesNotContain("178666");
    }
}
