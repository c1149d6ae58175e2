package no.pathway.projections.gaps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.pathway.core.event.FollowUpOutcome;
import no.pathway.projections.engine.Exclusion;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapRule;
import no.pathway.projections.engine.GapStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gap read model: every gap record across pathways, and the dashboard's queries over it. Statuses are
 * judged in SQL at the query's {@code now} with the same definition as {@link Gap#statusAt(Instant)}.
 */
@Repository
public class GapRows {
    /** Deletes the rows of the pathways in the one array parameter; public for the test of its plan. */
    public static final String DELETE_OF_PATHWAYS = """
            DELETE FROM gap WHERE gap_id = ANY (ARRAY(
                SELECT x.gap_id FROM unnest(?::varchar[]) AS k(p) CROSS JOIN LATERAL (
                    SELECT g.gap_id FROM gap g WHERE g.pathway_id = k.p OFFSET 0) x))""";
    private static final String COLUMNS = "gap_id, pathway_id, rule, rule_version, deadline_minutes, triggered_by, "
            + "trigger_source, opened_at, due_at, closed_at, closed_by, excluded_at, reason, municipality, detail, "
            + "excluded_by";
    private static final String CLOSED = "(closed_at IS NOT NULL AND closed_at <= :now)";
    private static final String EXCLUDED = "(NOT " + CLOSED + " AND excluded_at IS NOT NULL AND excluded_at <= :now)";
    private static final String UNRESOLVED = "(NOT " + CLOSED + " AND (excluded_at IS NULL OR excluded_at > :now))";
    private static final Map<GapStatus, String> STATUS = Map.of(
            GapStatus.CLOSED, CLOSED,
            GapStatus.NOT_APPLICABLE, EXCLUDED,
            GapStatus.OPEN, "(" + UNRESOLVED + " AND due_at < :now)",
            GapStatus.PROSPECTIVE, "(" + UNRESOLVED + " AND due_at >= :now)");
    /** The status as an SQL expression, for grouping. */
    private static final String STATUS_CASE = "CASE WHEN " + CLOSED + " THEN CASE WHEN closed_at > due_at "
            + "THEN 'CLOSED_LATE' ELSE 'CLOSED_ON_TIME' END WHEN " + EXCLUDED + " THEN 'NOT_APPLICABLE' "
            + "WHEN due_at < :now THEN 'OPEN' ELSE 'PROSPECTIVE' END";

    private static final RowMapper<Gap> GAP = GapRows::gap;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RowMapper<Row> ROW = (rs, n) -> new Row(gap(rs, n),
            rs.getTimestamp("acknowledged_at") == null ? null : new Acknowledgement(
                    rs.getTimestamp("acknowledged_at").toInstant(), rs.getString("acknowledged_by"),
                    rs.getString("acknowledgement")), followUp(rs));

    /** A stored gap, its latest acknowledgement (or null) and who has it and what was tried (never null). */
    public record Row(Gap gap, Acknowledgement acknowledgement, FollowUp followUp) {
    }

    /** An attempt as the row's JSON keeps it. */
    private record StoredAttempt(String at, String by, String outcome, String note) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final GapTally tally;

    public GapRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tally = new GapTally(jdbc);
    }

    /**
     * Makes the stored gaps of each pathway in {@code gapsByPathway} exactly its list, with their latest
     * acknowledgements, assignments and call logs (by gap id): one delete and one batched insert for all the
     * pathways.
     */
    public void replace(Map<String, List<Gap>> gapsByPathway, Map<String, Acknowledgement> acknowledgements,
                        Map<String, FollowUp> followUps) {
        if (gapsByPathway.isEmpty()) {
            return;
        }
        // one index probe per pathway, then a delete by primary key, whatever the statistics say: "= ANY(?)" and a
        // join with unnest(?) were both planned as whole-table scans (docs/performance.md, steps 5 and 14)
        List<GapTally.Key> removed = jdbc.query(DELETE_OF_PATHWAYS + " RETURNING coalesce(municipality, ''), rule, "
                        + GapTally.CLASS, ps -> ps.setArray(1,
                        ps.getConnection().createArrayOf("varchar", gapsByPathway.keySet().toArray())),
                (rs, n) -> new GapTally.Key(rs.getString(1), rs.getString(2), rs.getString(3)));
        List<Gap> gaps = gapsByPathway.values().stream().flatMap(List::stream).toList();
        tally.add(GapTally.change(removed, gaps));
        jdbc.batchUpdate("INSERT INTO gap (" + COLUMNS + ", acknowledged_at, acknowledged_by, acknowledgement, "
                        + "assigned_to, assigned_at, assigned_by, follow_up_attempts) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)",
                gaps, 1000, (ps, g) -> {
                    FollowUp followUp = followUps.getOrDefault(g.gapId(), FollowUp.NONE);
                    FollowUp.Assignment assigned = followUp.assignment();
                    ps.setString(20, assigned == null ? null : assigned.to());
                    ps.setTimestamp(21, assigned == null ? null : timestamp(assigned.at()));
                    ps.setString(22, assigned == null ? null : assigned.by());
                    ps.setString(23, followUp.attempts().isEmpty() ? null : JSON.writeValueAsString(
                            followUp.attempts().stream().map(a -> new StoredAttempt(a.at().toString(), a.by(),
                                    a.outcome().name(), a.note())).toList()));
                    Acknowledgement ack = acknowledgements.get(g.gapId());
                    ps.setTimestamp(17, ack == null ? null : timestamp(ack.at()));
                    ps.setString(18, ack == null ? null : ack.by());
                    ps.setString(19, ack == null ? null : ack.note());
                    ps.setObject(1, UUID.fromString(g.gapId()));
                    ps.setString(2, g.pathwayId());
                    ps.setString(3, g.rule().name());
                    ps.setString(4, g.ruleVersion());
                    ps.setLong(5, g.deadlineMinutes());
                    ps.setString(6, g.triggeredBy());
                    ps.setString(7, g.triggerSource());
                    ps.setTimestamp(8, timestamp(g.openedAt()));
                    ps.setTimestamp(9, timestamp(g.dueAt()));
                    ps.setTimestamp(10, timestamp(g.closedAt()));
                    ps.setString(11, g.closedBy());
                    ps.setTimestamp(12, timestamp(g.excludedAt()));
                    ps.setString(13, g.reason() == null ? null : g.reason().name());
                    ps.setString(14, g.municipality());
                    ps.setString(15, g.detail());
                    ps.setString(16, g.excludedBy());
                });
    }

    /**
     * Empties the table: DELETE, not TRUNCATE, whose exclusive lock would hold every dashboard read until the
     * rebuild's transaction commits; with DELETE they see the old rows until then.
     */
    public void deleteAll() {
        jdbc.update("DELETE FROM gap");
        tally.clear();
    }

    public List<Gap> ofPathway(String pathwayId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM gap WHERE pathway_id = ? ORDER BY due_at, gap_id", GAP,
                pathwayId);
    }

    /** These pathways' stored gaps of one municipality: one probe of {@code gap_by_pathway} per pathway. */
    private static final String OF_PATHWAYS = """
            FROM unnest(:pathways::varchar[]) AS k(p) CROSS JOIN LATERAL (
                SELECT * FROM gap WHERE pathway_id = k.p AND municipality = :municipality OFFSET 0) g""";

    /**
     * The stored gaps of these pathways that belong to {@code municipality} and whose status at {@code at} is one of
     * {@code statuses}, with their acknowledgements, assignments and call logs, in no particular order.
     */
    public List<Row> ofPathways(Collection<String> pathwayIds, String municipality, Set<GapStatus> statuses,
                                Instant at) {
        return named.query("SELECT g.* " + OF_PATHWAYS + " WHERE (" + String.join(" OR ",
                statuses.stream().map(STATUS::get).toList()) + ")", ofPathways(pathwayIds, municipality, at), ROW);
    }

    /**
     * How many of the stored gaps of these pathways that belong to {@code municipality} have each status at
     * {@code at} (closed ones as CLOSED_LATE and CLOSED_ON_TIME), counted by the database.
     */
    public Map<String, Long> countsOf(Collection<String> pathwayIds, String municipality, Instant at) {
        Map<String, Long> counts = new LinkedHashMap<>();
        named.query("SELECT " + STATUS_CASE + ", count(*) " + OF_PATHWAYS + " GROUP BY 1",
                ofPathways(pathwayIds, municipality, at), (ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private static MapSqlParameterSource ofPathways(Collection<String> pathwayIds, String municipality, Instant at) {
        return new MapSqlParameterSource("pathways", new SqlArrayValue("varchar", pathwayIds.toArray()))
                .addValue("municipality", municipality).addValue("now", timestamp(at));
    }

    /** Whether the pathway has a gap of one of these municipalities that is PROSPECTIVE or OPEN at {@code now}. */
    public boolean hasUnresolved(String pathwayId, Set<String> municipalities, Instant now) {
        if (municipalities.isEmpty()) {
            return false;
        }
        return Boolean.TRUE.equals(named.queryForObject("SELECT EXISTS (SELECT 1 FROM gap WHERE pathway_id = :pathway "
                + "AND municipality IN (:municipalities) AND " + UNRESOLVED + ")", new MapSqlParameterSource()
                .addValue("pathway", pathwayId).addValue("municipalities", List.copyOf(municipalities))
                .addValue("now", timestamp(now)), Boolean.class));
    }

    public java.util.Optional<Row> find(String gapId) {
        return jdbc.query("SELECT * FROM gap WHERE gap_id = ?", ROW, UUID.fromString(gapId)).stream().findFirst();
    }

    /** One page of the dashboard, most urgent first. */
    public List<Row> page(GapFilter filter, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource("now", timestamp(now));
        List<String> where = new ArrayList<>();
        where.add("(" + String.join(" OR ", filter.statuses().stream().map(STATUS::get).toList()) + ")");
        if (!filter.rules().isEmpty()) {
            where.add("rule IN (:rules)");
            params.addValue("rules", filter.rules().stream().map(Enum::name).toList());
        }
        if (!filter.municipalities().isEmpty()) {
            where.add("municipality IN (:municipalities)");
            params.addValue("municipalities", List.copyOf(filter.municipalities()));
        }
        if (filter.dueBefore() != null) {
            where.add("due_at < :dueBefore");
            params.addValue("dueBefore", timestamp(filter.dueBefore()));
        }
        if (filter.assignee() != null) {
            if (filter.assignee().subject() == null) {
                where.add("assigned_to IS NULL");
            } else {
                where.add("assigned_to = :assignee");
                params.addValue("assignee", filter.assignee().subject());
            }
        }
        if (filter.after() != null) {
            where.add("(due_at, gap_id) > (:afterDue, :afterId)");
            params.addValue("afterDue", timestamp(filter.after().dueAt()));
            params.addValue("afterId", UUID.fromString(filter.after().gapId()));
        }
        params.addValue("limit", filter.limit());
        return named.query("SELECT * FROM gap WHERE " + String.join(" AND ", where)
                + " ORDER BY due_at, gap_id LIMIT :limit", params, ROW);
    }

    /**
     * Counts per group ({@code rule} or {@code municipality}) and status at {@code now}; a status no gap of the group
     * has is left out. From the tally the gap rows are kept with ({@link GapTally}), not from every row: counting the
     * rows of the largest municipality at 100,000 pathways took 270-440 ms on each worklist page (docs/performance.md,
     * the worklist at scale). The tally and its corrections are read in one snapshot.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<String, Map<String, Long>> countsBy(String groupColumn, Set<String> municipalities, Instant now) {
        if (!Set.of("rule", "municipality").contains(groupColumn)) {
            throw new IllegalArgumentException("group by rule or municipality");
        }
        return tally.countsBy(groupColumn, municipalities, now);
    }

    /** A row of the indicator report. */
    public record IndicatorRow(String rule, String group, String period, long triggers, long notApplicable,
                               long closedOnTime, long closedLate, long open, long prospective) {
    }

    /**
     * Per rule, group and month of the trigger (in Norwegian local time) for triggers in [from, to):
     * the counts behind the compliance rate.
     */
    public List<IndicatorRow> indicators(Instant from, Instant to, String groupColumn, Set<String> municipalities,
                                         Instant now) {
        String group = switch (groupColumn) {
            case "rule" -> "''";
            case "municipality" -> "coalesce(municipality, '')";
            default -> throw new IllegalArgumentException("group by rule or municipality");
        };
        MapSqlParameterSource params = new MapSqlParameterSource("now", timestamp(now))
                .addValue("from", timestamp(from)).addValue("to", timestamp(to));
        String where = "opened_at >= :from AND opened_at < :to";
        if (!municipalities.isEmpty()) {
            where += " AND municipality IN (:municipalities)";
            params.addValue("municipalities", List.copyOf(municipalities));
        }
        return named.query("SELECT rule, " + group + " AS grp, "
                + "to_char(date_trunc('month', opened_at AT TIME ZONE 'Europe/Oslo'), 'YYYY-MM') AS period, "
                + "count(*), "
                + "count(*) FILTER (WHERE s = 'NOT_APPLICABLE'), count(*) FILTER (WHERE s = 'CLOSED_ON_TIME'), "
                + "count(*) FILTER (WHERE s = 'CLOSED_LATE'), count(*) FILTER (WHERE s = 'OPEN'), "
                + "count(*) FILTER (WHERE s = 'PROSPECTIVE') "
                + "FROM (SELECT *, " + STATUS_CASE + " AS s FROM gap WHERE " + where + ") g "
                + "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", params, (rs, n) -> new IndicatorRow(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                rs.getLong(8), rs.getLong(9)));
    }

    private static Gap gap(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("reason");
        return Gap.builder()
                .id(rs.getString("gap_id"), rs.getString("pathway_id"))
                .rule(GapRule.valueOf(rs.getString("rule")), rs.getString("rule_version"),
                        rs.getLong("deadline_minutes"))
                .trigger(rs.getString("trigger_source"), rs.getString("triggered_by"), instant(rs, "opened_at"),
                        instant(rs, "due_at"))
                .closed(instant(rs, "closed_at"), rs.getString("closed_by"))
                .excluded(instant(rs, "excluded_at"), rs.getString("excluded_by"),
                        reason == null ? null : Exclusion.valueOf(reason))
                .context(rs.getString("municipality"), rs.getString("detail"))
                .build();
    }

    private static FollowUp followUp(ResultSet rs) throws SQLException {
        String assignee = rs.getString("assigned_to");
        FollowUp.Assignment assignment = assignee == null ? null
                : new FollowUp.Assignment(instant(rs, "assigned_at"), assignee, rs.getString("assigned_by"));
        String stored = rs.getString("follow_up_attempts");
        List<FollowUp.Attempt> attempts = stored == null ? List.of()
                : Arrays.stream(JSON.readValue(stored, StoredAttempt[].class)).map(a -> new FollowUp.Attempt(
                        Instant.parse(a.at()), a.by(), FollowUpOutcome.valueOf(a.outcome()), a.note())).toList();
        return new FollowUp(assignment, attempts);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
