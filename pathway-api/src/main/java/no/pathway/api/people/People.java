package no.pathway.api.people;

import java.util.Collection;
import java.util.Map;

/**
 * The people who log in to the pages, by token subject: the name their provider gave at the latest login, so a page
 * can say a colleague's name where it would otherwise show an opaque id. Staff, never patients; a name is shown next
 * to gaps the reader may see, and never put in a URL, a log or an event (docs/security.md, "People log in").
 */
public interface People {
    /** The longest name kept; a longer one is cut to this many characters, the last an ellipsis. */
    int MAX_NAME = 100;

    /**
     * A person logged in now, with the name the provider gave ({@code name} claim). A blank or missing name is
     * unknown: the person is seen, and a name known from an earlier login stays. Otherwise the latest name wins.
     */
    void loggedIn(String subject, String name);

    /** The names known of these subjects; a subject with none (never logged in, or no name given) is left out. */
    Map<String, String> names(Collection<String> subjects);
}
