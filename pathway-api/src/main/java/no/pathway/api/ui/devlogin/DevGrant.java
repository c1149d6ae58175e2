package no.pathway.api.ui.devlogin;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import no.pathway.api.security.Role;
import no.pathway.api.security.SecurityProperties;

/**
 * What a developer chose on the development login page: the role and municipalities the provider grants in the
 * access token, and the name it puts in the ID token.
 */
record DevGrant(Role role, List<String> municipalities, String name) implements Serializable {

    /** The same choice gives the same subject, so the access log tells logins apart as it would real people. */
    String subject() {
        String key = role + "|" + String.join(",", municipalities) + "|" + name;
        return "dev-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    String scope(SecurityProperties.Scopes scopes) {
        return switch (role) {
            case COORDINATOR -> scopes.coordinator();
            case AUDITOR -> scopes.auditor();
            case OPERATOR -> scopes.operator();
            case SOURCE -> throw new IllegalStateException("people do not post events");
        };
    }
}
