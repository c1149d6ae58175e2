package no.pathway.api.ui.login;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.pathway.api.people.People;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Turns a completed OpenID Connect login into the same authentication the API gives a bearer token: the access
 * token the provider issued for this service is verified by the API's own decoder (issuer, signature, audience,
 * expiry) and converted by the API's own converter (roles from scopes). So a page's {@code Caller} is built from the
 * same claims by the same code as an API call's. The tokens stay on the server; the browser holds the session
 * cookie only. A login that grants no person's role, or whose access token fails a check, ends at the login-failed
 * page with nothing kept. A login that succeeds tells {@link People} who logged in and by what name, so colleagues'
 * pages can name them.
 */
final class LoginSuccess implements AuthenticationSuccessHandler {
    static final String FAILED = "/login-failed";

    private final OAuth2AuthorizedClientRepository clients;
    private final JwtDecoder decoder;
    private final Converter<Jwt, AbstractAuthenticationToken> converter;
    private final SecurityContextRepository contexts;
    private final People people;
    private final SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();

    LoginSuccess(OAuth2AuthorizedClientRepository clients, JwtDecoder decoder,
                 Converter<Jwt, AbstractAuthenticationToken> converter, SecurityContextRepository contexts,
                 RequestCache requests, People people) {
        this.clients = clients;
        this.decoder = decoder;
        this.converter = converter;
        this.contexts = contexts;
        this.people = people;
        this.next.setRequestCache(requests);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        OAuth2AuthenticationToken login = (OAuth2AuthenticationToken) authentication;
        String registration = login.getAuthorizedClientRegistrationId();
        OAuth2AuthorizedClient client = clients.loadAuthorizedClient(registration, login, request);
        clients.removeAuthorizedClient(registration, login, request, response);
        AbstractAuthenticationToken person = client == null ? null : person(client, login);
        if (person == null) {
            SecurityContextHolder.clearContext();
            request.getSession().invalidate();
            response.sendRedirect(request.getContextPath() + FAILED);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(person);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        next.onAuthenticationSuccess(request, response, person);
    }

    private AbstractAuthenticationToken person(OAuth2AuthorizedClient client, OAuth2AuthenticationToken login) {
        Jwt jwt;
        try {
            jwt = decoder.decode(client.getAccessToken().getTokenValue());
        } catch (JwtException e) {
            return null;
        }
        AbstractAuthenticationToken person = converter.convert(jwt);
        if (person == null || !PersonLogin.grantsAPersonRole(person)) {
            return null;
        }
        OidcUser user = (OidcUser) login.getPrincipal();
        String name = user.getFullName() != null && !user.getFullName().isBlank() ? user.getFullName() : jwt.getSubject();
        person.setDetails(new PersonLogin(name));
        people.loggedIn(jwt.getSubject(), user.getFullName());
        return person;
    }
}
