package no.pathway.api.security;

import java.time.Clock;
import java.util.Set;
import no.pathway.api.http.Forbidden;
import no.pathway.api.http.NotFound;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.gaps.GapRows;
import no.pathway.projections.summary.PathwaySummaries;
import org.springframework.stereotype.Component;

/**
 * Where a caller may look. A pathway outside a coordinator's reach does not exist for that coordinator: the answer is
 * the very same 404 as for a pathway that does not exist at all.
 *
 * <p>A coordinator reaches a pathway whose current municipality (the latest reported, by occurrence) is one of the
 * token's, and also one that still has a gap of one of the token's municipalities to finish: each gap belongs to the
 * municipality responsible at its trigger, so after a move the previous municipality keeps what it was responsible
 * for until those gaps are closed or no longer apply (docs/security.md, "Responsibility across a move"). Within a
 * pathway a coordinator sees the gaps of its own municipalities only.
 */
@Component
public class PathwayAccess {
    public static final String NO_SUCH_PATHWAY = "No such pathway.";

    private final PathwaySummaries summaries;
    private final GapRows gaps;
    private final Clock clock;

    PathwayAccess(PathwaySummaries summaries, GapRows gaps, Clock clock) {
        this.summaries = summaries;
        this.gaps = gaps;
        this.clock = clock;
    }

    public boolean visible(Caller caller, String pathwayId) {
        if (caller.seesEveryMunicipality()) {
            return true;
        }
        return summaries.municipality(pathwayId).filter(caller.municipalities()::contains).isPresent()
                || gaps.hasUnresolved(pathwayId, caller.municipalities(), clock.instant());
    }

    public void requireVisible(Caller caller, String pathwayId) {
        if (!visible(caller, pathwayId)) {
            throw new NotFound(NO_SUCH_PATHWAY);
        }
    }

    /** Whether the caller sees this gap of a pathway it may open: an auditor every gap, a coordinator its own. */
    public boolean seesGap(Caller caller, Gap gap) {
        return caller.seesEveryMunicipality()
                || gap.municipality() != null && caller.municipalities().contains(gap.municipality());
    }

    /** The municipalities a dashboard query covers: what was asked, within what the caller may see. */
    public Set<String> scope(Caller caller, Set<String> requested) {
        if (caller.seesEveryMunicipality()) {
            return requested;
        }
        if (caller.municipalities().isEmpty()) {
            throw new Forbidden("The token grants no municipality.");
        }
        if (requested.isEmpty()) {
            return caller.municipalities();
        }
        if (!caller.municipalities().containsAll(requested)) {
            throw new Forbidden("The municipality filter names a municipality the token does not grant.");
        }
        return requested;
    }
}
