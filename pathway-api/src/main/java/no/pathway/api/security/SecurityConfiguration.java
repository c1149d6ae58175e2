package no.pathway.api.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

/**
 * Nobody reads or writes anything without a verified bearer token granting exactly that (docs/security.md has
 * the matrix). Stateless, no cookies, no CORS, no sessions; every refusal is problem+json. This chain serves the
 * JSON API only ({@link #API_PATHS}); the web application's pages have a chain of their own
 * ({@code no.pathway.api.ui.login.PageSecurityConfiguration}), which takes every other path.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    /** How long a verified token is remembered at most, and how many (see {@link VerifiedTokens}). */
    private static final Duration VERIFIED_TOKEN_MAX_AGE = Duration.ofMinutes(5);
    private static final int VERIFIED_TOKEN_MAX_ENTRIES = 10_000;
    private static final String COORDINATOR = Role.COORDINATOR.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final AuthenticationEntryPoint UNAUTHORIZED = (request, response, e) -> {
        // RFC 6750: a token that was sent and refused is invalid_token; a missing one gets the bare challenge; a
        // DPoP-bound token sent as a bearer token is told to use DPoP (RFC 9449 §7.2)
        DPoP.challenge(request, response, e);
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
    };
    private static final AccessDeniedHandler FORBIDDEN = (request, response, e) ->
            ProblemResponses.write(response, HttpStatus.FORBIDDEN, "The token does not grant this call.");
    /** The paths of this chain: the API, operations, the API description, development tokens, error dispatches. */
    public static final String[] API_PATHS = {"/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs.yaml",
            DevTokenController.PATH, "/error"};
    /** Before the development provider's and the pages' chains. */
    public static final int API_ORDER = 1;

    @Bean
    @Order(API_ORDER)
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, Clock clock, JwtDecoder decoder)
            throws Exception {
        boolean devIssuer = properties.devIssuer().enabled();
        FailedAuthenticationLimit failures = new FailedAuthenticationLimit(properties.rateLimit().failuresPerSecond(),
                properties.rateLimit().failureBurst(), clock);
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            failures.failed(request);
            UNAUTHORIZED.commence(request, response, e);
        };
        http.securityMatcher(API_PATHS)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .cors(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                // EdgeFilter sets the security headers on every answer, the chain's refusals included
                .headers(h -> h.disable())
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(HttpMethod.POST, "/api/v1/events", "/api/v1/events/batch")
                            .hasRole(Role.SOURCE.name());
                    a.requestMatchers(HttpMethod.POST, "/api/v1/pathways/lookup").hasAnyRole(COORDINATOR, AUDITOR);
                    a.requestMatchers(HttpMethod.GET, "/api/v1/pathways/*/history", "/api/v1/pathways/*/verify",
                            "/api/v1/pathways/*/export", "/api/v1/pathways/*/gaps/timeline",
                            "/api/v1/pathways/*/access-log", "/api/v1/audit/access-log",
                            "/api/v1/audit/dashboard").hasRole(AUDITOR);
                    a.requestMatchers(HttpMethod.POST, "/api/v1/audit/access-log/by-person").hasRole(AUDITOR);
                    a.requestMatchers(HttpMethod.POST, "/api/v1/gaps/*/acknowledge", "/api/v1/gaps/*/assignment",
                            "/api/v1/gaps/*/follow-up-attempts").hasRole(COORDINATOR);
                    a.requestMatchers(HttpMethod.POST, "/api/v1/pathways/*/identity").hasAnyRole(COORDINATOR, AUDITOR);
                    a.requestMatchers(HttpMethod.POST, "/api/v1/pathways/*/identity/erasure")
                            .hasAnyRole(AUDITOR, Role.OPERATOR.name());
                    a.requestMatchers(HttpMethod.GET, "/api/v1/pathways/*", "/api/v1/pathways/*/gaps")
                            .hasAnyRole(COORDINATOR, AUDITOR);
                    a.requestMatchers(HttpMethod.GET, "/api/v1/gaps", "/api/v1/gaps/summary", "/api/v1/indicators")
                            .hasAnyRole(COORDINATOR, AUDITOR);
                    // the rule catalogue holds no personal data: every role may read it (docs/api.md)
                    a.requestMatchers(HttpMethod.GET, "/api/v1/rules").hasAnyRole(Role.SOURCE.name(), COORDINATOR,
                            AUDITOR, Role.OPERATOR.name());
                    a.requestMatchers("/api/v1/admin/**").hasRole(Role.OPERATOR.name());
                    a.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                            "/actuator/health/readiness", "/v3/api-docs", "/v3/api-docs.yaml").permitAll();
                    a.requestMatchers("/actuator/**").hasRole(Role.OPERATOR.name());
                    if (devIssuer) {
                        a.requestMatchers(HttpMethod.POST, DevTokenController.PATH).permitAll();
                    }
                    a.anyRequest().denyAll();
                })
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(new VerifiedTokens(decoder, clock, VERIFIED_TOKEN_MAX_AGE,
                                        VERIFIED_TOKEN_MAX_ENTRIES))
                                .jwtAuthenticationConverter(authenticationConverter(properties)))
                        // DPoP-bound tokens (HelseID), each request with its proof: DPoP (RFC 9449)
                        .dPoP(d -> d.authenticationFailureHandler(DPoP.refusal(failures)))
                        .withObjectPostProcessor(DPoP.onClock(clock))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(FORBIDDEN))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(FORBIDDEN))
                .addFilterBefore(failures, BearerTokenAuthenticationFilter.class)
                // after both authentications (bearer, then DPoP), so a DPoP client is limited as itself
                .addFilterAfter(new RateLimitFilter(properties.rateLimit().perSecond(),
                        properties.rateLimit().burst(), clock), AuthenticationFilter.class);
        return http.build();
    }

    /** Scopes to roles, by the configured scope names; a person's page login uses it too. */
    public static JwtAuthenticationConverter authenticationConverter(SecurityProperties properties) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> roles(jwt, properties.scopes()));
        return converter;
    }

    static Collection<GrantedAuthority> roles(Jwt jwt, SecurityProperties.Scopes scopes) {
        Object claim = jwt.getClaims().get("scope");
        List<String> granted = claim instanceof Collection<?> c ? c.stream().map(String::valueOf).toList()
                : claim instanceof String s ? List.of(s.split(" ")) : List.of();
        List<GrantedAuthority> roles = new ArrayList<>();
        addIf(roles, granted, scopes.source(), Role.SOURCE);
        addIf(roles, granted, scopes.coordinator(), Role.COORDINATOR);
        addIf(roles, granted, scopes.auditor(), Role.AUDITOR);
        addIf(roles, granted, scopes.operator(), Role.OPERATOR);
        return roles;
    }

    private static void addIf(List<GrantedAuthority> roles, List<String> granted, String scope, Role role) {
        if (granted.contains(scope)) {
            roles.add(new SimpleGrantedAuthority(role.authority()));
        }
    }

    /**
     * Spring Security observes nothing. Otherwise it wraps every filter of the chain in an observation of its own,
     * and even with those observations switched off by predicate the wrapping stayed: a few per cent of the request
     * threads' CPU in single-event ingest (docs/performance.md, step 16). Requests are still timed as
     * {@code http.server.requests}.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnProperty(name = "pathway.security.dev-issuer.enabled", havingValue = "true")
    DevIssuer devIssuer(SecurityProperties properties, Clock clock) {
        return new DevIssuer(properties.devIssuer().keyFile(), properties.devIssuer().issuer(),
                properties.audience(), clock);
    }

    /**
     * What every token must carry besides a good signature and time ({@link TokenRules}). Spring Boot adds it to the
     * decoder it makes from the issuer or JWK set settings; the development issuer's decoder uses it too.
     */
    @Bean
    OAuth2TokenValidator<Jwt> tokenRules(SecurityProperties properties, Environment environment) {
        return TokenRules.of(properties, environment);
    }

    /**
     * The token's {@code typ} header. Spring Security's default takes {@code JWT} or none, which would refuse
     * HelseID's access tokens ({@code at+jwt}, RFC 9068). With {@code pathway.security.token-type} set (HelseID:
     * {@code at+jwt}), every token must carry that type, so an ID token or another JWT of the issuer is no access
     * token here; unset, {@code JWT}, {@code at+jwt} or none are taken. A bean of this type replaces the default.
     */
    @Bean
    JwtTypeValidator tokenType(@Value("${pathway.security.token-type:}") String required) {
        if (StringUtils.hasText(required)) {
            return new JwtTypeValidator(required, "application/" + required);
        }
        JwtTypeValidator any = new JwtTypeValidator("JWT", "at+jwt", "application/at+jwt");
        any.setAllowEmpty(true);
        return any;
    }

    /** With the development issuer: its key and the token rules. Otherwise Spring Boot's from issuer/JWKS settings. */
    @Bean
    @ConditionalOnProperty(name = "pathway.security.dev-issuer.enabled", havingValue = "true")
    JwtDecoder devIssuerDecoder(DevIssuer issuer, OAuth2TokenValidator<Jwt> tokenRules, JwtTypeValidator tokenType)
            throws Exception {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(issuer.publicKey().toRSAPublicKey()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(tokenType, tokenRules)));
        return decoder;
    }

    @Bean
    WebMvcConfigurer callers(CallerArgumentResolver resolver) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(resolver);
            }
        };
    }
}
