package no.pathway.api.ui.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After the session here is gone, sends the browser to the provider's {@code end_session_endpoint} (OpenID Connect
 * RP-initiated logout) to end the person's session there too, and back to the logged-out page. It identifies this
 * service by {@code client_id}, not by an {@code id_token_hint}: that would hand the ID token to the browser, which
 * holds no token. Without such an endpoint (the development provider's login lives in the session just ended),
 * straight to the logged-out page.
 */
final class ProviderLogout implements LogoutSuccessHandler {
    static final String LOGGED_OUT = "/logged-out";

    private final ClientRegistrationRepository registrations;

    ProviderLogout(ClientRegistrationRepository registrations) {
        this.registrations = registrations;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                Authentication authentication) throws IOException {
        String loggedOut = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                .replacePath(request.getContextPath() + LOGGED_OUT).replaceQuery(null).build().toUriString();
        PersonLogin person = authentication == null ? null : PersonLogin.of(authentication);
        ClientRegistration registration = person == null ? null
                : registrations.findByRegistrationId(PageSecurityConfiguration.REGISTRATION_ID);
        Object endSession = registration == null ? null
                : registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        if (endSession == null) {
            response.sendRedirect(loggedOut);
            return;
        }
        response.sendRedirect(UriComponentsBuilder.fromUriString(endSession.toString())
                .queryParam("client_id", registration.getClientId())
                .queryParam("post_logout_redirect_uri", loggedOut)
                .encode().build().toUriString());
    }
}
