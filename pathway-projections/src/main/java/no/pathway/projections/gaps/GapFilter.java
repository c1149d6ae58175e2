package no.pathway.projections.gaps;

import java.time.Instant;
import java.util.Set;
import no.pathway.projections.engine.GapRule;
import no.pathway.projections.engine.GapStatus;

/**
 * A dashboard query: statuses at {@code now}, optional rules, municipalities, due limit and assignee, a page size and
 * the position after which to continue (most urgent first: due time, then gap id).
 *
 * @param assignee whose gaps only, or null for everyone's and no one's
 */
public record GapFilter(Set<GapStatus> statuses, Set<GapRule> rules, Set<String> municipalities, Instant dueBefore,
                        Assignee assignee, int limit, Cursor after) {

    public GapFilter(Set<GapStatus> statuses, Set<GapRule> rules, Set<String> municipalities, Instant dueBefore,
                     int limit, Cursor after) {
        this(statuses, rules, municipalities, dueBefore, null, limit, after);
    }

    /** The gaps assigned to one coordinator (a token subject), or with a null subject the unassigned ones. */
    public record Assignee(String subject) {
        public static final Assignee NOBODY = new Assignee(null);
    }

    /** A position in the most-urgent-first order. */
    public record Cursor(Instant dueAt, String gapId) {
    }
}
