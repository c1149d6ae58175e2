package no.pathway.projections.gaps;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.pathway.projections.engine.Gap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The gaps counted by municipality, rule and <em>class</em>, the part of a status that follows from a gap's facts
 * alone (V17): closed late, closed on time, excluded, or unresolved. Kept by {@link GapRows#replace} in the
 * transaction that writes the gaps, so it is always the sum of the rows. A count at a time {@code now} reads the
 * tally and corrects it with two small ranges of the gap table (docs/performance.md, the worklist at scale): the
 * unresolved gaps not yet due are PROSPECTIVE, not OPEN; and a gap closed or excluded after {@code now} is counted as
 * what it was at {@code now}. Statuses as {@link Gap#statusAt}: closed when closed by now, else not applicable when
 * excluded by now, else open when past due, else prospective.
 */
final class GapTally {
    static final String UNRESOLVED = "UNRESOLVED";
    /** The statuses of a count, in the order each group gives them. */
    static final List<String> STATUSES = List.of("CLOSED_LATE", "CLOSED_ON_TIME", "NOT_APPLICABLE", "OPEN",
            "PROSPECTIVE");
    /** A row's class in SQL, as {@link #classOf} gives it. */
    static final String CLASS = "CASE WHEN closed_at IS NOT NULL THEN CASE WHEN closed_at > due_at THEN 'CLOSED_LATE' "
            + "ELSE 'CLOSED_ON_TIME' END WHEN excluded_at IS NOT NULL THEN 'NOT_APPLICABLE' ELSE 'UNRESOLVED' END";

    /** One cell of the tally. */
    record Key(String municipality, String rule, String kind) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::municipality)
                .thenComparing(Key::rule).thenComparing(Key::kind);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    GapTally(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    static String classOf(Gap gap) {
        if (gap.closedAt() != null) {
            return gap.closedAt().isAfter(gap.dueAt()) ? "CLOSED_LATE" : "CLOSED_ON_TIME";
        }
        return gap.excludedAt() != null ? "NOT_APPLICABLE" : UNRESOLVED;
    }

    static Key keyOf(Gap gap) {
        return new Key(gap.municipality() == null ? "" : gap.municipality(), gap.rule().name(), classOf(gap));
    }

    /**
     * Adds the changes to the tally, in key order, so that two transactions changing the same cells wait for each
     * other rather than deadlock.
     */
    void add(Map<Key, Long> changes) {
        List<Map.Entry<Key, Long>> cells = new ArrayList<>(new TreeMap<>(changes).entrySet());
        cells.removeIf(cell -> cell.getValue() == 0);
        if (cells.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO gap_tally (municipality, rule, class, n) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (municipality, rule, class) DO UPDATE SET n = gap_tally.n + excluded.n", cells,
                1000, (ps, cell) -> {
                    ps.setString(1, cell.getKey().municipality());
                    ps.setString(2, cell.getKey().rule());
                    ps.setString(3, cell.getKey().kind());
                    ps.setLong(4, cell.getValue());
                });
    }

    void clear() {
        jdbc.update("DELETE FROM gap_tally");
    }

    /**
     * Counts per group ({@code rule} or {@code municipality}) and status at {@code now}, groups in order; a status no
     * gap of the group has is left out, and so is a group without gaps.
     */
    Map<String, Map<String, Long>> countsBy(String groupColumn, Collection<String> municipalities, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(now));
        String scope = "";
        if (!municipalities.isEmpty()) {
            scope = " AND municipality IN (:municipalities)";
            params.addValue("municipalities", List.copyOf(municipalities));
        }
        String group = "coalesce(" + groupColumn + ", '')";
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        named.query("SELECT " + group + ", class, sum(n) FROM gap_tally WHERE true" + scope + " GROUP BY 1, 2", params,
                (ResultSet rs) -> {
                    String kind = rs.getString(2);
                    add(counts, rs.getString(1), UNRESOLVED.equals(kind) ? "OPEN" : kind, rs.getLong(3));
                });
        named.query("SELECT " + group + ", count(*) FROM gap WHERE closed_at IS NULL AND excluded_at IS NULL "
                + "AND due_at >= :now" + scope + " GROUP BY 1", params, (ResultSet rs) -> {
                    add(counts, rs.getString(1), "OPEN", -rs.getLong(2));
                    add(counts, rs.getString(1), "PROSPECTIVE", rs.getLong(2));
                });
        named.query("SELECT " + group + ", closed_at, excluded_at, due_at, " + CLASS + " FROM gap "
                + "WHERE (closed_at IS NOT NULL OR excluded_at IS NOT NULL) AND coalesce(closed_at, excluded_at) > :now"
                + scope, params, (ResultSet rs) -> {
                    String kind = rs.getString(5);
                    Timestamp excluded = rs.getTimestamp(3);
                    String then = excluded != null && !excluded.toInstant().isAfter(now) ? "NOT_APPLICABLE"
                            : now.isAfter(rs.getTimestamp(4).toInstant()) ? "OPEN" : "PROSPECTIVE";
                    add(counts, rs.getString(1), kind, -1);
                    add(counts, rs.getString(1), then, 1);
                });
        Map<String, Map<String, Long>> ordered = new LinkedHashMap<>();
        counts.forEach((name, byStatus) -> {
            Map<String, Long> shown = new LinkedHashMap<>();
            for (String status : STATUSES) {
                long n = byStatus.getOrDefault(status, 0L);
                if (n > 0) {
                    shown.put(status, n);
                }
            }
            if (!shown.isEmpty()) {
                ordered.put(name, shown);
            }
        });
        return ordered;
    }

    private static void add(Map<String, Map<String, Long>> counts, String group, String status, long n) {
        counts.computeIfAbsent(group, g -> new HashMap<>()).merge(status, n, Long::sum);
    }

    /** The tally's changes when these rows are replaced by those. */
    static Map<Key, Long> change(Collection<Key> removed, Collection<Gap> added) {
        Map<Key, Long> changes = new HashMap<>();
        removed.forEach(key -> changes.merge(key, -1L, Long::sum));
        added.forEach(gap -> changes.merge(keyOf(gap), 1L, Long::sum));
        return changes;
    }
}
