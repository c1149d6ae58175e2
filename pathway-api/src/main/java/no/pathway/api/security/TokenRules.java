package no.pathway.api.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.StringUtils;

/**
 * The claims every token must carry, whatever decoder checked its signature (docs/security.md, "Token checks"): an
 * expiry, the configured issuer, the configured audience, and a subject when it grants a person's role (a
 * coordinator or an auditor acts, and is logged, as someone). Added to Spring Boot's decoders (from an issuer or a
 * JWK set) and to the development issuer's alike, so no configuration runs without them.
 */
final class TokenRules implements OAuth2TokenValidator<Jwt> {
    static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    private final String issuer;
    private final String audience;
    private final SecurityProperties.Scopes scopes;

    /**
     * The rules for this configuration: the development issuer's name when it is on, otherwise the configured
     * {@code issuer-uri}, which is required also when keys come from a {@code jwk-set-uri} alone (Spring Boot would
     * then check no issuer at all).
     */
    static TokenRules of(SecurityProperties properties, Environment environment) {
        return new TokenRules(properties.devIssuer().enabled() ? properties.devIssuer().issuer()
                : environment.getProperty(ISSUER_URI), properties.audience(), properties.scopes());
    }

    /** @throws IllegalStateException without an issuer or an audience to check against */
    private TokenRules(String issuer, String audience, SecurityProperties.Scopes scopes) {
        if (!StringUtils.hasText(issuer)) {
            throw new IllegalStateException("No token issuer configured: set " + ISSUER_URI
                    + " (also with a jwk-set-uri): every token's iss is checked against it.");
        }
        if (!StringUtils.hasText(audience)) {
            throw new IllegalStateException("No audience configured: set pathway.security.audience.");
        }
        this.issuer = issuer;
        this.audience = audience;
        this.scopes = scopes;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<OAuth2Error> errors = new ArrayList<>();
        if (jwt.getExpiresAt() == null) {
            errors.add(invalid("The token has no expiry."));
        }
        if (!issuer.equals(jwt.getClaimAsString("iss"))) {
            errors.add(invalid("The token is not from the configured issuer."));
        }
        if (jwt.getAudience() == null || !jwt.getAudience().contains(audience)) {
            errors.add(invalid("The token is not for this service."));
        }
        if (!StringUtils.hasText(jwt.getSubject()) && grantsPersonRole(jwt)) {
            errors.add(invalid("The token grants a person's role but names no subject."));
        }
        return errors.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errors);
    }

    private boolean grantsPersonRole(Jwt jwt) {
        return SecurityConfiguration.roles(jwt, scopes).stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(Role.COORDINATOR.authority()) || a.equals(Role.AUDITOR.authority()));
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }
}
