package no.pathway.projections.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import no.pathway.core.event.ContactAssigned;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.FactType;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.Seen.Fact;

/** Rule 6: a fixed municipal contact person in place at discharge. */
record MunicipalContactRule() implements Rule {
    private static final Duration LOOKBACK = Duration.ofDays(365);

    private static final About ABOUT = new About(GapRule.NO_MUNICIPAL_CONTACT_AT_DISCHARGE, 6,
            "A fixed contact person is in place at discharge.",
            List.of("hearing statements: a fixed contact person in aftercare"),
            new Trigger(FactType.EPISODE_ENDED, "a community discharge from RESIDENTIAL or PRISON"),
            new Expected("a contact person assigned in the municipality, from 365 days before the discharge",
                    List.of(FactType.CONTACT_ASSIGNED), EnumSet.of(Setting.MUNICIPALITY), LOOKBACK),
            Duration.ZERO, true);

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<Finding> judge(Judging on, Duration deadline) {
        Setting from = ((EpisodeEnded) on.event()).setting();
        if (!on.isCommunityDischarge() || from != Setting.RESIDENTIAL && from != Setting.PRISON) {
            return Optional.empty();
        }
        Instant t = on.t();
        return Optional.of(new Finding(on.seen().municipalContacts.earliestSince(t.minus(LOOKBACK), t),
                TriggerDetail.discharge(from)));
    }

    @Override
    public Setting triggerSetting(Gap gap) {
        return TriggerDetail.dischargeSetting(gap.detail());
    }

    @Override
    public void reach(Fact<PathwayEvent> fact, boolean added, Reach reach) {
        if (added && fact.event() instanceof ContactAssigned c && c.setting() == Setting.MUNICIPALITY) {
            Instant t = fact.occurredAt();
            reach.unresolved(Instant.MIN, t.plus(LOOKBACK), t);
        }
    }
}
