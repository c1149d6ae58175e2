package no.pathway.projections.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import no.pathway.core.event.ActivityRecorded;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.FactType;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.Seen.Fact;

/** Rule 7: meaningful activity within 14 days of residential treatment. */
record ActivityAfterDischargeRule() implements Rule {
    private static final Duration LOOKBACK = Duration.ofDays(30);

    private static final About ABOUT = new About(GapRule.NO_ACTIVITY_14D, 7,
            "Meaningful activity within two weeks.",
            List.of("hearing statements: meaningful activity and work training after treatment"),
            new Trigger(FactType.EPISODE_ENDED, "a community discharge from RESIDENTIAL",
                    Setting.RESIDENTIAL),
            new Expected("an activity recorded, or a start of an episode at NAV, from 30 days before the "
                    + "discharge", List.of(FactType.ACTIVITY_RECORDED, FactType.EPISODE_STARTED),
                    EnumSet.of(Setting.NAV), LOOKBACK),
            Duration.ofHours(336), true);

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<Finding> judge(Judging on, Duration deadline) {
        if (!on.isCommunityDischarge() || ((EpisodeEnded) on.event()).setting() != Setting.RESIDENTIAL) {
            return Optional.empty();
        }
        Instant t = on.t();
        return Optional.of(new Finding(on.seen().activities.earliestSince(t.minus(LOOKBACK), t),
                "discharge from residential treatment"));
    }

    @Override
    public void reach(Fact<PathwayEvent> fact, boolean added, Reach reach) {
        if (added && (fact.event() instanceof ActivityRecorded
                || fact.event() instanceof EpisodeStarted s && s.setting() == Setting.NAV)) {
            Instant t = fact.occurredAt();
            reach.unresolved(Instant.MIN, t.plus(LOOKBACK), t);
        }
    }
}
