package no.pathway.api.people;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@link People} in the table {@code person_directory}: one row per subject, written at each login. */
@Repository
class PersonDirectory implements People {
    /** As long as a token subject may be where the service keeps one (an assignee, the access log). */
    static final int MAX_SUBJECT = 255;
    /** Runs of white space and control characters (a provider's name is one line of text). */
    private static final Pattern SPACE = Pattern.compile("[\\p{Cc}\\p{Z}\\s]+");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PersonDirectory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void loggedIn(String subject, String name) {
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
            return;
        }
        jdbc.update("""
                INSERT INTO person_directory (subject, display_name, last_seen_at) VALUES (?, ?, ?)
                ON CONFLICT (subject) DO UPDATE
                SET display_name = COALESCE(EXCLUDED.display_name, person_directory.display_name),
                    last_seen_at = EXCLUDED.last_seen_at""", subject, displayName(name),
                Timestamp.from(clock.instant()));
    }

    @Override
    public Map<String, String> names(Collection<String> subjects) {
        Map<String, String> names = new HashMap<>();
        if (subjects.isEmpty()) {
            return names;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT subject, display_name FROM person_directory "
                    + "WHERE subject = ANY (?) AND display_name IS NOT NULL");
            ps.setArray(1, con.createArrayOf("text", subjects.stream().distinct().toArray()));
            return ps;
        }, rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }

    /** The name on one line, cut to {@link #MAX_NAME} characters; null when nothing is left. */
    static String displayName(String name) {
        if (name == null) {
            return null;
        }
        String line = SPACE.matcher(name).replaceAll(" ").strip();
        if (line.isEmpty()) {
            return null;
        }
        if (line.codePointCount(0, line.length()) <= MAX_NAME) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, MAX_NAME - 1)).stripTrailing() + "…";
    }
}
