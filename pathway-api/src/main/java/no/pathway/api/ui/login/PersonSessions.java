package no.pathway.api.ui.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Keeps a person's page login in their session: the verified access token and the name to show. Each request turns
 * it into the API's own authentication again (the same converter, so the same roles and {@code Caller}); Spring
 * Security would not keep that authentication in a session itself, since a bearer token's is meant for one request.
 * Nothing else is kept: the provider's OpenID Connect login lasts only until it has become a person's login.
 */
final class PersonSessions implements SecurityContextRepository {
    private static final String ATTRIBUTE = PersonSessions.class.getName();

    /** What the session holds. */
    private record Stored(Jwt accessToken, PersonLogin person) implements Serializable {
    }

    private final Converter<Jwt, AbstractAuthenticationToken> converter;

    PersonSessions(Converter<Jwt, AbstractAuthenticationToken> converter) {
        this.converter = converter;
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return load(holder.getRequest());
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return new DeferredSecurityContext() {
            private SecurityContext context;

            @Override
            public SecurityContext get() {
                if (context == null) {
                    context = load(request);
                }
                return context;
            }

            @Override
            public boolean isGenerated() {
                return stored(request) == null;
            }
        };
    }

    private SecurityContext load(HttpServletRequest request) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        Stored stored = stored(request);
        if (stored != null) {
            AbstractAuthenticationToken person = converter.convert(stored.accessToken());
            if (person != null) {
                person.setDetails(stored.person());
                context.setAuthentication(person);
            }
        }
        return context;
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        if (context.getAuthentication() instanceof JwtAuthenticationToken token && PersonLogin.of(token) != null) {
            request.getSession().setAttribute(ATTRIBUTE, new Stored(token.getToken(), PersonLogin.of(token)));
        } else if (context.getAuthentication() == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(ATTRIBUTE);
            }
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return stored(request) != null;
    }

    private static Stored stored(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (Stored) session.getAttribute(ATTRIBUTE);
    }
}
