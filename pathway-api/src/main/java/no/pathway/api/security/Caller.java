package no.pathway.api.security;

import java.util.Set;

/**
 * The authenticated caller of a request.
 *
 * @param subject        who (the token's {@code sub}; for a person an opaque id, never a national identity number)
 * @param client         the calling system (client id); as a source system it is the event's {@code source}
 * @param roles          what the caller may do
 * @param municipalities where a coordinator may look
 */
public record Caller(String subject, String client, Set<Role> roles, Set<String> municipalities) {

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** Auditors see every pathway; coordinators only those of their municipalities. */
    public boolean seesEveryMunicipality() {
        return is(Role.AUDITOR);
    }
}
