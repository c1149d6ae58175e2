package no.pathway.api.security;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may do what. Roles come from OAuth2 scopes (names configurable, e.g. HelseID API scopes), municipalities
 * from a claim, the source system from the first present client claim.
 *
 * @param audience          the audience every token must carry
 * @param scopes            the scope that grants each role
 * @param clientClaims      claims naming the calling system, first present wins (HelseID: client_id)
 * @param municipalityClaim the claim listing a coordinator's municipalities
 * @param devIssuer         the local development issuer; never in production
 * @param rateLimit         requests per second and burst per client, and failed authentications per address
 */
@ConfigurationProperties("pathway.security")
public record SecurityProperties(String audience, Scopes scopes, List<String> clientClaims, String municipalityClaim,
                                 DevIssuer devIssuer, RateLimit rateLimit) {

    public record Scopes(String source, String coordinator, String auditor, String operator) {
    }

    public record DevIssuer(boolean enabled, String issuer, Path keyFile) {
    }

    /**
     * @param perSecond          requests a second per client
     * @param burst              requests at once per client
     * @param failuresPerSecond  failed authentications a second per remote address
     * @param failureBurst       failed authentications at once per remote address
     */
    public record RateLimit(double perSecond, int burst, double failuresPerSecond, int failureBurst) {
    }
}
