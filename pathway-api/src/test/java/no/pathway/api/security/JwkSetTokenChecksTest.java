package no.pathway.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Production's decoder: Spring Boot's, from a JWK set URI (here a small JWKS endpoint of the test's own), with the
 * service's {@link TokenRules} added as the application adds them. With the keys alone no issuer would be checked,
 * so the service refuses to start without one; with one, each broken claim is refused.
 */
class JwkSetTokenChecksTest {
    private static final String ISSUER = "https://idp.example/";
    private static final RSAKey KEY = DevIssuer.newKey();
    private static final SecurityProperties PROPERTIES = new SecurityProperties("pathway",
            new SecurityProperties.Scopes("pathway:events.write", "pathway:dashboard.read", "pathway:audit.read",
                    "pathway:operate"), List.of("client_id"), "municipalities",
            new SecurityProperties.DevIssuer(false, null, null), new SecurityProperties.RateLimit(1, 1, 1, 1));
    private static HttpServer jwks;
    /** The decoder Spring Boot makes from the JWK set URI and an issuer URI, with the token rules added. */
    private static JwtDecoder decoder;

    /** The token rules as SecurityConfiguration declares them. */
    @Configuration(proxyBeanMethods = false)
    static class Rules {
        @Bean
        OAuth2TokenValidator<Jwt> tokenRules(Environment environment) {
            return TokenRules.of(PROPERTIES, environment);
        }
    }

    @BeforeAll
    static void serveKeysAndMakeTheDecoder() throws Exception {
        byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        runner().withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER)
                .run(context -> decoder = context.getBean(JwtDecoder.class));
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    private static WebApplicationContextRunner runner() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OAuth2ResourceServerAutoConfiguration.class))
                .withUserConfiguration(Rules.class)
                .withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:"
                        + jwks.getAddress().getPort() + "/jwks");
    }

    @Test
    void a_jwk_set_without_an_issuer_refuses_the_start() {
        runner().run(context -> assertThat(context).hasFailed().getFailure()
                .hasStackTraceContaining("No token issuer configured"));
    }

    /** One claim changed from a good token. */
    private static UnaryOperator<JWTClaimsSet.Builder> change(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change;
    }

    static Stream<Arguments> tokens() {
        return Stream.of(
                Arguments.of("the control", change(b -> b), true),
                Arguments.of("no expiry", change(b -> b.expirationTime(null)), false),
                Arguments.of("no issuer", change(b -> b.issuer(null)), false),
                Arguments.of("another issuer", change(b -> b.issuer("https://evil.example/")), false),
                Arguments.of("no audience", change(b -> b.audience((String) null)), false),
                Arguments.of("another audience", change(b -> b.audience("other")), false),
                Arguments.of("a coordinator without subject", change(b -> b.subject(null)), false),
                Arguments.of("a source system without subject",
                        change(b -> b.subject(null).claim("scope", "pathway:events.write")), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void with_an_issuer_each_claim_is_checked(String what, UnaryOperator<JWTClaimsSet.Builder> change,
                                              boolean accepted) {
        String token = DevIssuer.sign(change.apply(new JWTClaimsSet.Builder().issuer(ISSUER).audience("pathway")
                .subject("user-1").claim("scope", "pathway:dashboard.read").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))).build(), KEY);
        if (accepted) {
            assertThatCode(() -> decoder.decode(token)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
        }
    }
}
