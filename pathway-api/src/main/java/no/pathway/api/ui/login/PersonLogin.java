package no.pathway.api.ui.login;

import java.io.Serializable;
import java.util.Set;
import no.pathway.api.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * What a person's login keeps beside the verified access token: the name to show. The roles and municipalities are
 * the access token's, read as the API reads them.
 *
 * @param displayName the ID token's {@code name}, or the subject when the provider gives none
 */
public record PersonLogin(String displayName) implements Serializable {

    /** The person logged in on this request, or null. */
    public static PersonLogin of(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken && authentication.getDetails() instanceof PersonLogin p
                ? p : null;
    }

    /** The roles a person can hold; a login that grants none of them is refused. */
    static final Set<Role> PEOPLE = Set.of(Role.COORDINATOR, Role.AUDITOR, Role.OPERATOR);

    static boolean grantsAPersonRole(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> PEOPLE.stream().anyMatch(r -> r.authority().equals(a)));
    }
}
