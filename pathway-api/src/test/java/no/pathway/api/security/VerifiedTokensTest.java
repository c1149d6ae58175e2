package no.pathway.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import no.pathway.api.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {
    private final TestClock clock = new TestClock().freeze();
    private final AtomicInteger verifications = new AtomicInteger();
    private final Duration lifetime = Duration.ofHours(1);
    /** Stands in for signature and claim checks: tokens starting "good" pass, with an hour to live from now. */
    private final JwtDecoder issuerChecks = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        Instant issued = clock.instant();
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("source-a").issuedAt(issued)
                .expiresAt(issued.plus(lifetime)).build();
    };
    private final VerifiedTokens tokens = new VerifiedTokens(issuerChecks, clock, Duration.ofMinutes(5), 3);

    @Test
    void a_token_is_verified_once_and_then_served_from_memory() {
        Jwt first = tokens.decode("good-1");
        Jwt again = tokens.decode("good-1");

        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void a_refused_token_is_refused_every_time_and_never_remembered() {
        tokens.decode("good-1");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode("good-1-but-altered".replace("good", "evil")))
                    .isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(3);
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void a_remembered_token_is_verified_again_after_the_maximum_age() {
        tokens.decode("good-1");
        clock.advance(Duration.ofMinutes(5));

        tokens.decode("good-1");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void a_token_is_never_served_from_memory_past_its_expiry() {
        VerifiedTokens longMemory = new VerifiedTokens(issuerChecks, clock, Duration.ofDays(1), 3);
        longMemory.decode("good-1");
        clock.advance(lifetime.minusSeconds(1));
        longMemory.decode("good-1");
        assertThat(verifications).as("still valid").hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        longMemory.decode("good-1");

        assertThat(verifications).as("expired: back to the issuer's checks").hasValue(2);
    }

    @Test
    void memory_is_bounded() {
        for (int i = 0; i < 10; i++) {
            tokens.decode("good-" + i);
            assertThat(tokens.size()).isLessThanOrEqualTo(3);
        }
    }
}
