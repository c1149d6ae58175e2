package no.pathway.api.gaps;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import no.pathway.projections.gaps.GapRows;
import org.springframework.stereotype.Service;

/**
 * The quality indicators per rule, group (all, or municipality) and month of the trigger, as {@code GET
 * /api/v1/indicators} answers them and the indicators page shows them: one computation for both, so the page's
 * numbers, its chart and its CSV are the API's. Counts only, never a pathway.
 */
@Service
public class IndicatorReport {
    /** The groupings a report can have. */
    public static final Set<String> GROUPINGS = Set.of("rule", "municipality");

    /**
     * One rule in one group and month. {@code applicable} is every trigger but those no longer applicable;
     * {@code complianceRate} is closed on time over applicable, null when nothing applied.
     *
     * @param group the municipality number ("" for gaps without one); null when grouped by rule alone
     */
    public record Indicator(String rule, String group, String period, long applicable, long closedOnTime,
                            long closedLate, long open, long prospective, long notApplicable, Double complianceRate) {
    }

    /** The report: triggers in [from, to), grouped by {@code groupBy}, per {@code period}, judged at {@code at}. */
    public record Indicators(Instant from, Instant to, String groupBy, String period, Instant at,
                             List<Indicator> indicators) {
    }

    private final GapRows gaps;
    private final Clock clock;

    IndicatorReport(GapRows gaps, Clock clock) {
        this.gaps = gaps;
        this.clock = clock;
    }

    /**
     * Per month of the trigger (Norwegian local time), for triggers in [from, to) in the given municipalities (all
     * when empty; the caller's scope is the caller's to decide), statuses as they stand now.
     */
    public Indicators of(Instant from, Instant to, String groupBy, Set<String> municipalities) {
        Instant now = clock.instant();
        List<Indicator> rows = gaps.indicators(from, to, groupBy, municipalities, now).stream().map(r -> {
            long applicable = r.triggers() - r.notApplicable();
            return new Indicator(r.rule(), groupBy.equals("rule") ? null : r.group(), r.period(), applicable,
                    r.closedOnTime(), r.closedLate(), r.open(), r.prospective(), r.notApplicable(),
                    applicable == 0 ? null : (double) r.closedOnTime() / applicable);
        }).toList();
        return new Indicators(from, to, groupBy, "month", now, rows);
    }
}
