package no.pathway.api.ui.login;

import java.util.Optional;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * Where people log in: the configured OpenID Connect provider (HelseID) or, in development, the local one. The
 * pages' chain takes the first in order (a configured provider before the development one).
 */
public interface LoginProvider {

    /** This service as a client of the provider; may look the provider up, so it is asked for at the first login. */
    ClientRegistration registration();

    /** How the authorization code is exchanged for tokens (the client authentication the provider requires). */
    OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokenClient();

    /** The provider's origin when it is not this service: forms may lead there (logout), so the CSP must allow it. */
    Optional<String> externalOrigin();
}
