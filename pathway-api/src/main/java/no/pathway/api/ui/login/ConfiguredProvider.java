package no.pathway.api.ui.login;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import no.pathway.api.security.SecurityProperties;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.function.SingletonSupplier;

/**
 * The provider of {@code pathway.web.login.*} (HelseID in production): authorization code with PKCE, endpoints from
 * its discovery document (read at the first login, and again after a failure), the client authenticated with a
 * private key ({@code private_key_jwt}, assertion audience the issuer, as HelseID asks) or a secret.
 */
final class ConfiguredProvider implements LoginProvider {
    private final LoginProperties properties;
    private final List<String> scopes;
    private final Supplier<ClientRegistration> registration;

    ConfiguredProvider(LoginProperties properties, SecurityProperties security) {
        this.properties = properties;
        this.scopes = properties.scopes() != null && !properties.scopes().isEmpty() ? properties.scopes()
                : List.of("openid", "profile", security.scopes().coordinator(), security.scopes().auditor(),
                security.scopes().operator());
        this.registration = SingletonSupplier.of(this::discover);
    }

    @Override
    public ClientRegistration registration() {
        return registration.get();
    }

    private ClientRegistration discover() {
        boolean key = properties.clientKeyFile() != null;
        return ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                .registrationId(PageSecurityConfiguration.REGISTRATION_ID)
                .clientId(properties.clientId())
                .clientSecret(key ? null : properties.clientSecret())
                .clientAuthenticationMethod(key ? ClientAuthenticationMethod.PRIVATE_KEY_JWT
                        : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(PageSecurityConfiguration.REDIRECT_URI)
                .scope(new ArrayList<>(scopes))
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build();
    }

    @Override
    public OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokenClient() {
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        if (properties.clientKeyFile() != null) {
            JWK key = clientKey();
            var assertion = new NimbusJwtClientAuthenticationParametersConverter<OAuth2AuthorizationCodeGrantRequest>(
                    registration -> key);
            assertion.setJwtClientAssertionCustomizer(c -> c.getClaims().audience(List.of(properties.issuerUri())));
            client.addParametersConverter(assertion);
        }
        return client;
    }

    private JWK clientKey() {
        try {
            return JWK.parse(Files.readString(properties.clientKeyFile()));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("could not read the login client key (pathway.web.login.client-key-file)",
                    e);
        }
    }

    @Override
    public Optional<String> externalOrigin() {
        URI issuer = URI.create(properties.issuerUri());
        return Optional.of(issuer.getScheme() + "://" + issuer.getAuthority());
    }
}
