package no.pathway.api.ui.login;

import java.util.List;
import java.util.Set;
import no.pathway.api.security.Role;

/**
 * Who may open a feature's pages. Each feature declares its own as a bean; the pages' chain applies them all and
 * refuses every other path.
 *
 * @param paths path patterns (any method)
 * @param roles the roles that may open them
 */
public record PageRule(List<String> paths, Set<Role> roles) {

    public static PageRule of(Set<Role> roles, String... paths) {
        return new PageRule(List.of(paths), roles);
    }

    String[] roleNames() {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }
}
