package no.pathway.projections.engine;

import java.time.Instant;
import no.pathway.core.event.EndReason;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.engine.Seen.Fact;

/**
 * One trigger under judgement: the fact, what was seen, and the shared definitions of gap-rules.md that several
 * rules ask of the same trigger (a community discharge is asked by five), answered once.
 */
public final class Judging {
    private final Seen seen;
    private final Fact<PathwayEvent> fact;
    private Boolean communityDischarge;

    Judging(Seen seen, Fact<PathwayEvent> fact) {
        this.seen = seen;
        this.fact = fact;
    }

    Seen seen() {
        return seen;
    }

    Fact<PathwayEvent> fact() {
        return fact;
    }

    PathwayEvent event() {
        return fact.event();
    }

    /** The trigger's occurrence: t in gap-rules.md. */
    Instant t() {
        return fact.occurredAt();
    }

    /**
     * Whether the trigger is a community discharge: an institutional end that is not a death and not a transfer
     * (TRANSFERRED, or another episode's institutional start within an hour either side).
     */
    boolean isCommunityDischarge() {
        if (communityDischarge == null) {
            communityDischarge = fact.event() instanceof EpisodeEnded ended && communityDischarge(ended);
        }
        return communityDischarge;
    }

    private boolean communityDischarge(EpisodeEnded ended) {
        if (!ended.setting().isInstitutional() || ended.endReason() == EndReason.DIED
                || ended.endReason() == EndReason.TRANSFERRED) {
            return false;
        }
        Instant t = t();
        for (Fact<EpisodeStarted> s : seen.institutionalStarts.between(t.minus(Windows.TRANSFER),
                t.plus(Windows.TRANSFER))) {
            if (!s.event().episodeId().equals(ended.episodeId())) {
                return false;
            }
        }
        return true;
    }
}
