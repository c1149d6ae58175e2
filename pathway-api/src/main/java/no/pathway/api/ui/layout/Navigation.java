package no.pathway.api.ui.layout;

import java.util.Set;
import no.pathway.api.security.Role;

/**
 * An entry of the main menu, shown to the roles that may open it. Each feature declares its own as a bean, with a
 * {@code PageRule} for the same path; {@code order} places it (and the first a person may open is their start page).
 *
 * @param label a message key
 */
public record Navigation(int order, String path, String label, Set<Role> roles) {
}
