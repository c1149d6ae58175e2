package no.pathway.api.ui.devlogin;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import no.pathway.api.security.SecurityProperties;
import no.pathway.api.ui.login.LoginProvider;
import no.pathway.api.ui.login.PageSecurityConfiguration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.util.function.SingletonSupplier;

/**
 * This service as a client of the development provider, seen from both ends: the provider's registered client and
 * the login's client registration. The secret is new at every start and never leaves the process. Endpoints the
 * browser follows are relative (it stays on the host it came by, localhost or 127.0.0.1); the token exchange and the
 * key set are called on the loopback address at the port the server got, known only once it listens, so both are
 * made at the first login.
 */
final class DevProvider implements LoginProvider {
    static final String CLIENT_ID = "pathway-web";
    /** A working day: the page login lasts as long as its access token (LoginExpiry). */
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(8);
    private static final String CALLBACK = "/login/oauth2/code/" + PageSecurityConfiguration.REGISTRATION_ID;

    private final Environment environment;
    private final SecurityProperties security;
    private final String secret = newSecret();
    private final AtomicReference<RegisteredClient> registeredClient = new AtomicReference<>();
    private final Supplier<ClientRegistration> registration = SingletonSupplier.of(this::newRegistration);

    DevProvider(Environment environment, SecurityProperties security) {
        this.environment = environment;
        this.security = security;
    }

    RegisteredClient registeredClient() {
        return registeredClient.updateAndGet(c -> c == null ? newRegisteredClient() : c);
    }

    void update(RegisteredClient client) {
        if (!CLIENT_ID.equals(client.getId())) {
            throw new IllegalArgumentException("the development provider knows one client");
        }
        registeredClient.set(client);
    }

    @Override
    public ClientRegistration registration() {
        return registration.get();
    }

    @Override
    public OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokenClient() {
        return new RestClientAuthorizationCodeTokenResponseClient();
    }

    @Override
    public Optional<String> externalOrigin() {
        return Optional.empty();
    }

    /** The provider names itself after the address of the token request, which is this one. */
    private String loopback() {
        return "http://127.0.0.1:" + port();
    }

    private String port() {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("the development provider is used before the server listens");
        }
        return port;
    }

    private RegisteredClient newRegisteredClient() {
        SecurityProperties.Scopes scopes = security.scopes();
        return RegisteredClient.withId(CLIENT_ID).clientId(CLIENT_ID).clientSecret("{noop}" + secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // loopback addresses match on any port (RFC 8252); localhost only on this one
                .redirectUri("http://127.0.0.1" + CALLBACK)
                .redirectUri("http://[::1]" + CALLBACK)
                .redirectUri("http://localhost:" + port() + CALLBACK)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .scope(scopes.coordinator()).scope(scopes.auditor()).scope(scopes.operator())
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME).build())
                .build();
    }

    private ClientRegistration newRegistration() {
        SecurityProperties.Scopes scopes = security.scopes();
        String base = loopback();
        return ClientRegistration.withRegistrationId(PageSecurityConfiguration.REGISTRATION_ID)
                .clientId(CLIENT_ID).clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}" + CALLBACK)
                .scope(OidcScopes.OPENID, OidcScopes.PROFILE, scopes.coordinator(), scopes.auditor(), scopes.operator())
                .authorizationUri("/oauth2/authorize")
                .tokenUri(base + "/oauth2/token")
                .jwkSetUri(base + "/oauth2/jwks")
                .issuerUri(base)
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(Map.of())
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build();
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
