package no.pathway.api.ui.login;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OpenID Connect provider people log in with (HelseID in production). Unset issuer: people log in through the
 * development provider when it is on, and not at all otherwise.
 *
 * @param issuerUri     the provider's issuer; its discovery document gives the endpoints (read at the first login,
 *                      so the service starts while the provider is away)
 * @param clientId      this service's client id at the provider
 * @param clientKeyFile a private JWK (JSON) for {@code private_key_jwt}, the client authentication HelseID requires
 * @param clientSecret  a client secret ({@code client_secret_basic}), for providers that allow it; ignored with a key
 * @param scopes        the scopes asked for; unset: {@code openid profile} and the scopes of the three people's roles
 */
@ConfigurationProperties("pathway.web.login")
public record LoginProperties(String issuerUri, String clientId, Path clientKeyFile, String clientSecret,
                              List<String> scopes) {
}
