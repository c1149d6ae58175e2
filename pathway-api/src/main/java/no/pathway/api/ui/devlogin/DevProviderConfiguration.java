package no.pathway.api.ui.devlogin;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import no.pathway.api.security.DevIssuer;
import no.pathway.api.security.SecurityConfiguration;
import no.pathway.api.security.SecurityProperties;
import no.pathway.api.ui.login.LoginProvider;
import no.pathway.api.ui.login.PageSecurityConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Development only: a local OpenID Connect provider (Spring Authorization Server) that people log in to as a role
 * and municipalities of their choice, so the run command offers the production login flow (authorization code with
 * PKCE) with no outside service. It signs with the development issuer's key and puts that issuer's name in access
 * tokens, so the API's decoder trusts them like the tokens of {@code POST /dev/tokens}. Absent unless
 * {@code pathway.security.dev-issuer.enabled} (set by the dev profile, refused by every other); docs/security.md says why
 * {@code /dev/tokens} stays beside it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pathway.security.dev-issuer.enabled", havingValue = "true")
class DevProviderConfiguration {
    /** Between the API's chain and the pages'. */
    static final int DEV_PROVIDER_ORDER = SecurityConfiguration.API_ORDER + 1;

    @Bean
    @Order(1)
    LoginProvider devLoginProvider(Environment environment, SecurityProperties security) {
        return new DevProvider(environment, security);
    }

    @Bean
    DevLogins devLogins() {
        return new DevLogins();
    }

    @Bean
    @Order(DEV_PROVIDER_ORDER)
    SecurityFilterChain devProvider(HttpSecurity http, DevLogins logins) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(new OrRequestMatcher(server.getEndpointsMatcher(),
                            PathPatternRequestMatcher.withDefaults().matcher(DevLoginController.PATH)));
                    server.oidc(Customizer.withDefaults());
                })
                .securityContext(c -> c.securityContextRepository(logins.contexts()))
                .requestCache(r -> r.requestCache(logins.requests()))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(DevLoginController.PATH).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(DevLoginController.PATH),
                        PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorize")))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(PageSecurityConfiguration.pagePolicy()))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    RegisteredClientRepository devRegisteredClients(LoginProvider devLoginProvider) {
        DevProvider provider = (DevProvider) devLoginProvider;
        return new RegisteredClientRepository() {
            /** The provider re-encodes the secret after its first use and saves the client again. */
            @Override
            public void save(RegisteredClient registeredClient) {
                provider.update(registeredClient);
            }

            @Override
            public RegisteredClient findById(String id) {
                return DevProvider.CLIENT_ID.equals(id) ? provider.registeredClient() : null;
            }

            @Override
            public RegisteredClient findByClientId(String clientId) {
                return findById(clientId);
            }
        };
    }

    @Bean
    AuthorizationServerSettings devProviderSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    @Bean
    JWKSource<SecurityContext> devProviderKeys(DevIssuer issuer) {
        return new ImmutableJWKSet<>(new JWKSet(issuer.signingKey()));
    }

    /**
     * The access token says what the developer chose, in the claims the API reads: the role's scope, the
     * municipalities, this service as audience, the development issuer's name. The ID token carries the name.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> devProviderClaims(SecurityProperties security, DevIssuer issuer) {
        return context -> {
            if (!(context.getPrincipal().getDetails() instanceof DevGrant grant)) {
                return;
            }
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().issuer(issuer.issuer()).audience(List.of(security.audience()))
                        .claim("scope", grant.scope(security.scopes()))
                        .claim(security.municipalityClaim(), grant.municipalities())
                        .claim("client_id", context.getRegisteredClient().getClientId());
            } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                context.getClaims().claim("name", grant.name());
            }
        };
    }
}
