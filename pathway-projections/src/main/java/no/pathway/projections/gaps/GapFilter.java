package no.pathway.projections.gaps;

import java.time.Instant;
import java.util.Set;
import no.pathway.projections.engine.GapRule;
import no.pathway.projections.engine.GapStatus;

/**
 * A dashboard query: statuses at {@code now}, optional rules, municipalities and due limit, a page size and the
 * position after which to continue (most urgent first: due time, then gap id).
 */
public record GapFilter(Set<GapStatus> statuses, Set<GapRule> rules, Set<String> municipalities, Instant dueBefore,
                        int limit, Cursor after) {

    /** A position in the most-urgent-first order. */
    public record Cursor(Instant dueAt, String gapId) {
    }
}
