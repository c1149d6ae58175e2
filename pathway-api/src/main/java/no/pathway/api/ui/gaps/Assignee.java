package no.pathway.api.ui.gaps;

/**
 * Who has a gap (or made an attempt), as a page shows it: "deg"/"you" for the reader, otherwise the token subject, shortened when
 * it is long (a UUID from the login provider would widen the table and tells a reader nothing more in full; the
 * full id is the element's title). The gap records keep no display name yet (docs/security.md).
 *
 * @param full the whole id when {@code text} shortens it, else null
 */
public record Assignee(String text, String full, boolean reader) {
    static final int SHORTENED = 8;

    public static Assignee of(String subject, String readerSubject, String you) {
        if (subject.equals(readerSubject)) {
            return new Assignee(you, null, true);
        }
        if (subject.length() > SHORTENED + 4) {
            return new Assignee(subject.substring(0, SHORTENED) + "…", subject, false);
        }
        return new Assignee(subject, null, false);
    }
}
