package no.pathway.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens the decoder has verified, so a source system posting thousands of events with one token has its
 * signature checked once, not on every request: a profile of single-event ingest put 12 % of the service's CPU
 * samples in RSA verification and claim conversion (docs/performance.md). Only a token that passed every check is remembered,
 * under its exact text, so a changed byte is a different token and is verified afresh. A remembered token serves
 * until the earlier of its expiry and {@code maxAge}: so it never outlives its {@code exp}, and a key withdrawn by
 * the issuer stops working within {@code maxAge}. At most {@code maxEntries} are kept.
 */
final class VerifiedTokens implements JwtDecoder {
    private record Verified(Jwt jwt, Instant until) {
    }

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Duration maxAge;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder decoder, Clock clock, Duration maxAge, int maxEntries) {
        this.decoder = decoder;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null && now.isBefore(known.until())) {
            return known.jwt();
        }
        Jwt jwt = decoder.decode(token);
        Instant until = now.plus(maxAge);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(v -> !now.isBefore(v.until()));
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(jwt, until));
        return jwt;
    }

    int size() {
        return verified.size();
    }
}
