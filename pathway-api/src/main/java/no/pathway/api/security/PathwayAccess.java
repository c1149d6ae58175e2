package no.pathway.api.security;

import java.util.Set;
import no.pathway.api.http.Forbidden;
import no.pathway.api.http.NotFound;
import no.pathway.projections.summary.PathwaySummaries;
import org.springframework.stereotype.Component;

/**
 * Where a caller may look. A pathway outside a coordinator's municipalities does not exist for that coordinator:
 * the answer is the very same 404 as for a pathway that does not exist at all.
 */
@Component
public class PathwayAccess {
    public static final String NO_SUCH_PATHWAY = "No such pathway.";

    private final PathwaySummaries summaries;

    PathwayAccess(PathwaySummaries summaries) {
        this.summaries = summaries;
    }

    public boolean visible(Caller caller, String pathwayId) {
        if (caller.seesEveryMunicipality()) {
            return true;
        }
        return summaries.municipality(pathwayId).filter(caller.municipalities()::contains).isPresent();
    }

    public void requireVisible(Caller caller, String pathwayId) {
        if (!visible(caller, pathwayId)) {
            throw new NotFound(NO_SUCH_PATHWAY);
        }
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
