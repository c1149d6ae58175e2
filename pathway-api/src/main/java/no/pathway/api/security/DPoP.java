package no.pathway.api.security;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.DPoPProofJwtDecoderFactory;
import org.springframework.security.oauth2.jwt.DPoPProofReplayValidator;
import org.springframework.security.oauth2.jwt.JwtIssuedAtValidator;
import org.springframework.security.oauth2.server.resource.authentication.DPoPAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.DPoPAuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * DPoP-bound access tokens (RFC 9449), as HelseID issues them: Spring Security's DPoP support checks the token as any
 * other (signature, {@link TokenRules}, through {@link VerifiedTokens}), then, on every request, the proof: its
 * signature by the key in its {@code jwk} header, {@code typ dpop+jwt}, {@code htm} and {@code htu} against this
 * request, {@code iat} within {@link #PROOF_WINDOW} of the service's clock, {@code ath} against the token,
 * {@code jkt} of the token's {@code cnf} against the proof's key, and its {@code jti} never seen before (in memory,
 * per instance, for the window). The verified-token cache remembers the access token only, never a proof, so it
 * cannot let a request past the proof check. A bound token sent as a bearer token is refused by Spring Security;
 * {@link #challenge} then names DPoP. Every refusal is problem+json and counts as a failed authentication.
 */
final class DPoP {
    /** How far a proof's {@code iat} may be from now, either way (RFC 9449 §11.1: short, minutes at most). */
    static final Duration PROOF_WINDOW = Duration.ofSeconds(60);
    /** The algorithms a proof may be signed with, as Spring Security accepts them. */
    static final String ALGORITHMS = "RS256 RS384 RS512 PS256 PS384 PS512 ES256 ES384 ES512";

    private DPoP() {
    }

    /** Proof checks on the service's clock (Spring Security's would use the system clock). */
    static ObjectPostProcessor<DPoPAuthenticationProvider> onClock(Clock clock) {
        JwtIssuedAtValidator issuedAt = new JwtIssuedAtValidator(true);
        issuedAt.setClock(clock);
        issuedAt.setClockSkew(PROOF_WINDOW);
        DPoPProofReplayValidator.InMemoryCache seen = new DPoPProofReplayValidator.InMemoryCache();
        DPoPProofReplayValidator replays = new DPoPProofReplayValidator(seen);
        replays.setClock(clock);
        replays.setClockSkew(PROOF_WINDOW);
        DPoPProofJwtDecoderFactory proofs = new DPoPProofJwtDecoderFactory();
        proofs.setJwtValidatorFactory(DPoPProofJwtDecoderFactory.createDefaultJwtValidatorFactory(
                List.of(issuedAt, replays)));
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends DPoPAuthenticationProvider> O postProcess(O provider) {
                provider.setDPoPProofVerifierFactory(proofs);
                return provider;
            }
        };
    }

    /** A refused DPoP request: {@code WWW-Authenticate: DPoP error=...}, and the problem+json body. */
    static AuthenticationFailureHandler refusal(FailedAuthenticationLimit failures) {
        DPoPAuthenticationEntryPoint challenge = new DPoPAuthenticationEntryPoint();
        return (request, response, e) -> {
            failures.failed(request);
            challenge.commence(request, response, e);
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, detail(e));
        };
    }

    /**
     * The challenge for a refused bearer request: a DPoP-bound token sent as a bearer token is told to come with
     * the DPoP scheme and a proof (RFC 9449 §7.2); any other gets the bearer challenge of RFC 6750.
     */
    static void challenge(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
        if (e instanceof OAuth2AuthenticationException && bound(bearerToken(request))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "DPoP error=\"invalid_token\", error_description=\""
                    + "The token is bound to a key: send it as Authorization: DPoP with a DPoP proof\", algs=\""
                    + ALGORITHMS + "\"");
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                e instanceof OAuth2AuthenticationException ? "Bearer error=\"invalid_token\"" : "Bearer");
    }

    /**
     * Whether a token carries a key binding ({@code cnf.jkt}). Read without verifying: it only chooses the words of
     * a refusal that was decided already, never whether a request passes.
     */
    private static boolean bound(String token) {
        if (token == null) {
            return false;
        }
        try {
            Object cnf = JWTParser.parse(token).getJWTClaimsSet().getClaim("cnf");
            return cnf instanceof Map<?, ?> m && m.get("jkt") instanceof String;
        } catch (ParseException | RuntimeException e) {
            return false;
        }
    }

    private static String bearerToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
    }

    private static String detail(AuthenticationException e) {
        OAuth2Error error = e instanceof OAuth2AuthenticationException o ? o.getError() : null;
        if (error != null && OAuth2ErrorCodes.INVALID_DPOP_PROOF.equals(error.getErrorCode())) {
            return "The DPoP proof is not valid for this request (its key, method, URL, time, token hash, or it was "
                    + "used before).";
        }
        if (error != null && OAuth2ErrorCodes.INVALID_REQUEST.equals(error.getErrorCode())) {
            return "A DPoP-bound token needs exactly one DPoP proof header.";
        }
        return "A valid DPoP-bound access token is required.";
    }
}
