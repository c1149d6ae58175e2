package no.pathway.api.ui.login;

import java.time.Clock;
import java.util.List;
import no.pathway.api.people.People;
import no.pathway.api.security.SecurityConfiguration;
import no.pathway.api.security.SecurityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import jakarta.servlet.DispatcherType;

/**
 * The web application's chain: every path the API's chain ({@link SecurityConfiguration#API_PATHS}) and the
 * development provider's do not take. Backend-for-frontend: people log in with OpenID Connect (authorization code
 * with PKCE) and the browser holds a session cookie only; the tokens stay here. CSRF protection on every form, a CSP
 * that allows this origin only (no inline script or style), and no page without a login. Which role opens which page
 * is each feature's {@link PageRule}; every other path is refused. docs/security.md explains each choice.
 */
@Configuration(proxyBeanMethods = false)
public class PageSecurityConfiguration {
    /** After the API's chain and the development provider's: this one takes the rest. */
    public static final int PAGES_ORDER = SecurityConfiguration.API_ORDER + 2;
    public static final String REGISTRATION_ID = "pathway";
    public static final String LOGIN_START = "/oauth2/authorization/" + REGISTRATION_ID;
    static final String REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";
    static final String ACCESS_DENIED = "/access-denied";
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";

    /** The configured provider comes before the development one. */
    @Bean
    @Order(0)
    @ConditionalOnProperty(name = "pathway.web.login.issuer-uri")
    LoginProvider configuredLoginProvider(LoginProperties properties, SecurityProperties security) {
        return new ConfiguredProvider(properties, security);
    }

    /** The registration of the first login provider, looked up when someone logs in (never at start). */
    @Bean
    ClientRegistrationRepository personLoginRegistrations(ObjectProvider<LoginProvider> providers) {
        return id -> REGISTRATION_ID.equals(id) ? providers.orderedStream().findFirst()
                .map(LoginProvider::registration).orElse(null) : null;
    }

    @Bean
    @Order(PAGES_ORDER)
    SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations,
                              ObjectProvider<LoginProvider> providers, List<PageRule> rules, JwtDecoder decoder,
                              SecurityProperties security, Clock clock, People people) throws Exception {
        OAuth2AuthorizedClientRepository clients = new HttpSessionOAuth2AuthorizedClientRepository();
        var converter = SecurityConfiguration.authenticationConverter(security);
        PersonSessions contexts = new PersonSessions(converter);
        HttpSessionRequestCache requests = new HttpSessionRequestCache();
        requests.setMatchingRequestParameterName(null);
        AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
        denied.setErrorPage(ACCESS_DENIED);
        LoginProvider provider = providers.orderedStream().findFirst().orElse(null);
        http.securityMatcher(AnyRequestMatcher.INSTANCE)
                .securityContext(c -> c.securityContextRepository(contexts))
                .requestCache(r -> r.requestCache(requests))
                .authorizeHttpRequests(a -> {
                    a.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll();
                    a.requestMatchers(HttpMethod.GET, "/css/**", "/js/**", "/vendor/**", "/favicon.svg",
                            ProviderLogout.LOGGED_OUT, LoginSuccess.FAILED).permitAll();
                    for (PageRule rule : rules) {
                        a.requestMatchers(rule.paths().toArray(String[]::new)).hasAnyRole(rule.roleNames());
                    }
                    a.anyRequest().denyAll();
                })
                .oauth2Login(o -> o
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(clients)
                        .loginPage(LOGIN_START)
                        .tokenEndpoint(t -> {
                            if (provider != null) {
                                t.accessTokenResponseClient(provider.tokenClient());
                            }
                        })
                        .successHandler(new LoginSuccess(clients, decoder, converter, contexts, requests, people))
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler(LoginSuccess.FAILED)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_START))
                        .accessDeniedHandler(denied))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(new ProviderLogout(registrations)))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(policy(provider)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterAfter(new LoginExpiry(clock), SecurityContextHolderFilter.class);
        return http.build();
    }

    /** Forms post to this origin only; the logout leads on to the provider's, so a provider elsewhere is allowed. */
    static String policy(LoginProvider provider) {
        return provider == null ? CSP : CSP + provider.externalOrigin().map(o -> " " + o).orElse("");
    }

    /** The policy of every page, for the development provider's chain. */
    public static String pagePolicy() {
        return CSP;
    }
}
