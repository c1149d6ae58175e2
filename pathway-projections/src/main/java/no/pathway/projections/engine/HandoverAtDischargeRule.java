package no.pathway.projections.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.FactType;
import no.pathway.core.event.HandoverSent;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.Seen.Fact;

/** Rule 3: the next service is told of a discharge. */
record HandoverAtDischargeRule() implements Rule {
    /** How far back a handover counts when the episode's start is unknown. */
    private static final Duration LOOKBACK = Duration.ofDays(90);

    private static final About ABOUT = new About(GapRule.DISCHARGE_WITHOUT_HANDOVER, 3,
            "The next service is told.",
            List.of("ROP guideline: the municipality is told of an unplanned discharge the same day",
                    "release notice from the prison service"),
            new Trigger(FactType.EPISODE_ENDED, "a community discharge from DETOX, RESIDENTIAL or PRISON"),
            new Expected("a handover sent from the ended episode's setting, at or after the episode's start "
                    + "(or 90 days before the discharge when the start is unknown)",
                    List.of(FactType.HANDOVER_SENT), EnumSet.of(Setting.DETOX, Setting.RESIDENTIAL, Setting.PRISON),
                    LOOKBACK),
            Duration.ofHours(24), true);

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<Finding> judge(Judging on, Duration deadline) {
        if (!on.isCommunityDischarge()) {
            return Optional.empty();
        }
        EpisodeEnded ended = (EpisodeEnded) on.event();
        Instant t = on.t();
        Seen seen = on.seen();
        Setting from = ended.setting();
        FactIndex<EpisodeStarted> ownStarts = seen.startsByEpisode.get(ended.episodeId());
        Fact<EpisodeStarted> ownStart = ownStarts == null ? null : ownStarts.floor(t);
        Instant episodeStart = ownStart == null ? t.minus(LOOKBACK) : ownStart.occurredAt();
        FactIndex<HandoverSent> handovers = seen.sendsFrom.get(from);
        return Optional.of(new Finding(handovers == null ? Optional.empty()
                : handovers.earliestSince(episodeStart, t),
                TriggerDetail.discharge(from) + "; a handover from " + from + " is needed"));
    }

    @Override
    public Setting triggerSetting(Gap gap) {
        return TriggerDetail.dischargeSetting(gap.detail());
    }

    @Override
    public void reach(Fact<PathwayEvent> fact, boolean added, Reach reach) {
        Seen seen = reach.seen();
        if (fact.event() instanceof EpisodeStarted s) {
            // the start of the episode bounds the handovers that count at its end
            FactIndex<EpisodeEnded> ends = seen.endsByEpisode.get(s.episodeId());
            if (ends != null) {
                for (Fact<EpisodeEnded> end : ends.from(fact.occurredAt())) {
                    reach.trigger(end);
                }
            }
        } else if (added && fact.event() instanceof HandoverSent h) {
            reach.unresolved(Instant.MIN, Instant.MAX, fact.occurredAt(),
                    end -> ((EpisodeEnded) end.event()).setting() == h.fromSetting());
        }
    }
}
