package no.pathway.api.ui.gaps;

import java.util.Map;

/**
 * Who has a gap (or made an attempt), as a page shows it: "deg"/"you" for the reader, a colleague by the name they
 * last logged in with, and anyone else (a system, or a person who never logged in to the pages) by the token
 * subject, shortened when it is long (a UUID from the login provider would widen the table and tells a reader
 * nothing more in full; the full id is the element's title). The gap records keep the subject only; the name comes
 * from the directory of people seen at login (docs/security.md, "People log in").
 *
 * @param full the whole id when {@code text} shortens it, else null
 */
public record Assignee(String text, String full, boolean reader) {
    static final int SHORTENED = 8;

    public static Assignee of(String subject, String readerSubject, String you, Map<String, String> names) {
        if (subject.equals(readerSubject)) {
            return new Assignee(you, null, true);
        }
        String name = names.get(subject);
        if (name != null) {
            return new Assignee(name, null, false);
        }
        if (subject.length() > SHORTENED + 4) {
            return new Assignee(subject.substring(0, SHORTENED) + "…", subject, false);
        }
        return new Assignee(subject, null, false);
    }
}
