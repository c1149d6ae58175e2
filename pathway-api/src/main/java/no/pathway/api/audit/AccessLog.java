package no.pathway.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import no.pathway.api.security.Caller;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Every read of personal data, appended before the answer leaves: who (subject, client, roles), which pathways,
 * when, through which call (method and route, never the raw URL) and, where the caller gave one, the purpose
 * ({@code X-Purpose}). Append-only (a trigger refuses updates and deletes). A failing write fails the read.
 */
@Repository
public class AccessLog {
    public static final String PURPOSE_HEADER = "X-Purpose";

    /** One logged read. */
    public record Entry(long id, Instant accessedAt, String subject, String client, String roles, String call,
                        String purpose, List<String> pathwayIds) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AccessLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Logs that the current request read these pathways, with the purpose its {@code X-Purpose} header states. */
    public void record(Caller caller, Collection<String> pathwayIds) {
        record(caller, pathwayIds, currentRequest().getHeader(PURPOSE_HEADER));
    }

    /** Logs that the current request read these pathways for the given purpose (checked plain text, or null). */
    public void record(Caller caller, Collection<String> pathwayIds, String purpose) {
        String call = currentCall();
        String roles = caller.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO access_log (accessed_at, subject, client, roles, call, "
                    + "purpose, pathway_ids) VALUES (?, ?, ?, ?, ?, ?, ?)");
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, caller.subject() == null ? "unknown" : caller.subject());
            ps.setString(3, caller.client());
            ps.setString(4, roles);
            ps.setString(5, call);
            ps.setString(6, purpose);
            ps.setArray(7, con.createArrayOf("text", new TreeSet<>(pathwayIds).toArray()));
            return ps;
        });
    }

    /** How many reads through {@code call} this subject made since {@code since}, and the oldest of them. */
    public record Count(long reads, Instant oldest) {
    }

    public Count countSince(String subject, String call, Instant since) {
        return jdbc.queryForObject("SELECT count(*), min(accessed_at) FROM access_log "
                        + "WHERE subject = ? AND call = ? AND accessed_at >= ?",
                (rs, n) -> new Count(rs.getLong(1), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2)
                        .toInstant()), subject, call, Timestamp.from(since));
    }

    /** The current request's call as the log names it: method and route (never the raw URL). */
    public static String currentCall() {
        HttpServletRequest request = currentRequest();
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return request.getMethod() + " " + (route == null ? request.getRequestURI() : route);
    }

    private static HttpServletRequest currentRequest() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    /** Who read this pathway, newest first. */
    public List<Entry> forPathway(String pathwayId, int limit) {
        return jdbc.query("SELECT * FROM access_log WHERE pathway_ids @> ARRAY[?]::text[] ORDER BY id DESC LIMIT ?",
                (rs, n) -> entry(rs), pathwayId, limit);
    }

    /** What this person (token subject) read in [from, to), newest first. */
    public List<Entry> bySubject(String subject, Instant from, Instant to, int limit) {
        return jdbc.query("SELECT * FROM access_log WHERE subject = ? AND accessed_at >= ? AND accessed_at < ? "
                        + "ORDER BY id DESC LIMIT ?", (rs, n) -> entry(rs), subject, Timestamp.from(from),
                Timestamp.from(to), limit);
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        Array ids = rs.getArray("pathway_ids");
        return new Entry(rs.getLong("id"), rs.getTimestamp("accessed_at").toInstant(), rs.getString("subject"),
                rs.getString("client"), rs.getString("roles"), rs.getString("call"), rs.getString("purpose"),
                Arrays.asList((String[]) ids.getArray()));
    }
}
