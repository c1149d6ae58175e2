package no.pathway.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tokens signed with the running application's own key, each with one claim wrong (docs/security.md, "Token
 * checks"): no expiry, no or another issuer, no or another audience, no subject for a person's role. Each is 401
 * with {@code WWW-Authenticate: Bearer error="invalid_token"}; the controls pass.
 */
class TokenChecksIT extends ApiIT {
    private static final String COORDINATOR = "pathway:dashboard.read";
    private static final String AUDITOR = "pathway:audit.read";
    private static final String SOURCE = "pathway:events.write";
    private static final String OPERATOR = "pathway:operate";

    /** A call each role may make; the answer when the token is good. */
    private static final Map<String, String[]> CALL = Map.of(
            COORDINATOR, new String[]{"GET", "/api/v1/gaps?municipality=0301"},
            AUDITOR, new String[]{"GET", "/api/v1/gaps"},
            SOURCE, new String[]{"POST", "/api/v1/events/batch"},
            OPERATOR, new String[]{"GET", "/api/v1/admin/read-models"});

    /** One claim changed from a good token. */
    private static UnaryOperator<JWTClaimsSet.Builder> change(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change;
    }

    static Stream<Arguments> tokens() {
        return Stream.of(
                Arguments.of("the control", COORDINATOR, change(b -> b), 200),
                Arguments.of("another audience besides this one", COORDINATOR,
                        change(b -> b.audience(List.of("pathway", "other"))), 200),
                Arguments.of("no expiry", COORDINATOR, change(b -> b.expirationTime(null)), 401),
                Arguments.of("no issuer", COORDINATOR, change(b -> b.issuer(null)), 401),
                Arguments.of("another issuer", AUDITOR, change(b -> b.issuer("urn:pathway:dev-issuer-2")), 401),
                Arguments.of("no audience", AUDITOR, change(b -> b.audience((String) null)), 401),
                Arguments.of("another audience only", AUDITOR, change(b -> b.audience("pathway-test")), 401),
                Arguments.of("a coordinator without subject", COORDINATOR, change(b -> b.subject(null)), 401),
                Arguments.of("a coordinator with a blank subject", COORDINATOR, change(b -> b.subject(" ")), 401),
                Arguments.of("an auditor without subject", AUDITOR, change(b -> b.subject(null)), 401),
                Arguments.of("a source system without subject", SOURCE, change(b -> b.subject(null)), 200),
                Arguments.of("an operator without subject", OPERATOR, change(b -> b.subject(null)), 200),
                Arguments.of("a source system without expiry", SOURCE, change(b -> b.expirationTime(null)), 401));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void each_token_check_holds_against_the_running_application(String what, String scope,
                                                                 UnaryOperator<JWTClaimsSet.Builder> change,
                                                                 int expected) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer.issuer()).audience("pathway")
                .subject("user-1").claim("client_id", "test-source").claim("scope", scope)
                .claim("municipalities", List.of("0301")).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)));
        String token = DevIssuer.sign(change.apply(claims).build(), issuerKey());
        String[] call = CALL.get(scope);

        Api.Response response = api.as(token).call(call[0], call[1], call[0].equals("POST") ? "{\"events\":[]}" : null,
                Map.of());

        assertThat(response.status()).as(response.text()).isEqualTo(expected);
        if (expected == 401) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(api.as(token).headers(call[1]).get("www-authenticate"))
                    .containsExactly("Bearer error=\"invalid_token\"");
        }
    }

    private static RSAKey issuerKey() throws Exception {
        return RSAKey.parse(Files.readString(Path.of(TestDatabase.devIssuerKeyFile())));
    }
}
