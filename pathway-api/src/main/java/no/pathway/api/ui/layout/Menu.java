package no.pathway.api.ui.layout;

import java.util.stream.Stream;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import no.pathway.api.security.Role;
import org.springframework.stereotype.Component;

/** Every feature's {@link Navigation}, in order: the menu a person sees, and the page "/" leads them to. */
@Component
class Menu {
    /** A menu entry; {@code current} marks the page shown. */
    record Item(String path, String label, boolean current) {
    }

    private final List<Navigation> entries;

    Menu(List<Navigation> entries) {
        this.entries = entries.stream().sorted(Comparator.comparingInt(Navigation::order)).toList();
    }

    List<Item> items(Set<Role> roles, String currentPath) {
        return visible(roles).map(n -> new Item(n.path(), n.label(),
                currentPath.equals(n.path()) || currentPath.startsWith(n.path() + "/"))).toList();
    }

    /** The first page the roles may open, or null when none is built for them yet. */
    String start(Set<Role> roles) {
        return visible(roles).map(Navigation::path).findFirst().orElse(null);
    }

    private Stream<Navigation> visible(Set<Role> roles) {
        return entries.stream().filter(n -> n.roles().stream().anyMatch(roles::contains));
    }
}
