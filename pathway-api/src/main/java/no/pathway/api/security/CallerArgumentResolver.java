package no.pathway.api.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import no.pathway.core.value.IdentityNumbers;
import no.pathway.core.value.Identifier;
import no.pathway.core.value.MunicipalityNumber;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives controllers the {@link Caller} of the request, read from its verified token. */
@Component
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {
    private final SecurityProperties properties;

    CallerArgumentResolver(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new AccessDeniedException("no bearer token");
        }
        return of(token);
    }

    /** The caller a verified token describes: an API call's bearer token, or the access token of a page login. */
    public Caller of(JwtAuthenticationToken token) {
        Set<Role> roles = token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> Role.valueOf(a.substring(5)))
                .collect(Collectors.toSet());
        String client = properties.clientClaims().stream().map(c -> token.getToken().getClaimAsString(c))
                .filter(Identifier::isValid).findFirst().orElse(null);
        String subject = token.getToken().getSubject();
        if (subject != null && IdentityNumbers.foundIn(subject, IdentityNumbers.Rule.VALID)) {
            // the subject goes into the access log and acknowledgements; an identity provider may put a pid there
            throw new AccessDeniedException("subject");
        }
        return new Caller(subject, client, roles, municipalities(token));
    }

    private Set<String> municipalities(JwtAuthenticationToken token) {
        Object claim = token.getToken().getClaims().get(properties.municipalityClaim());
        Collection<?> values = claim instanceof Collection<?> c ? c
                : claim instanceof String s ? List.of(s.split("[ ,]+")) : List.of();
        Set<String> municipalities = new LinkedHashSet<>();
        for (Object value : values) {
            if (value instanceof String m && MunicipalityNumber.problem(m).isEmpty()) {
                municipalities.add(m);
            }
        }
        return municipalities;
    }
}
