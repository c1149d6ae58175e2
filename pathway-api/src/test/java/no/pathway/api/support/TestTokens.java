package no.pathway.api.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.security.DevIssuer;
import no.pathway.api.security.Role;

/** Mints tokens with the scope names of application.properties. */
public final class TestTokens {
    private static final Map<Role, String> SCOPES = Map.of(
            Role.SOURCE, "pathway:events.write",
            Role.COORDINATOR, "pathway:dashboard.read",
            Role.AUDITOR, "pathway:audit.read",
            Role.OPERATOR, "pathway:operate");

    private TestTokens() {
    }

    public static String mint(DevIssuer issuer, String client, Set<Role> roles, Set<String> municipalities,
                              Duration ttl) {
        return issuer.mint("user-" + client, client, roles.stream().map(SCOPES::get).sorted().toList(),
                Map.of("municipalities", List.copyOf(municipalities)), ttl);
    }
}
