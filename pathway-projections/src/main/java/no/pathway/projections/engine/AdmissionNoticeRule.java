package no.pathway.projections.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import no.pathway.core.event.ContactAssigned;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.FactType;
import no.pathway.core.event.HandoverSent;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.Seen.Fact;

/** Rule 5: the home municipality is told of an admission to residential treatment. */
record AdmissionNoticeRule() implements Rule {
    private static final Duration LOOKBACK = Duration.ofDays(30);

    private static final About ABOUT = new About(GapRule.ADMISSION_MUNICIPALITY_NOT_NOTIFIED, 5,
            "The home municipality knows from day one.",
            List.of("Forskrift om kommunal betaling for utskrivningsklare pasienter: notice within 24 h of "
                    + "admission"),
            new Trigger(FactType.EPISODE_STARTED, "an episode in RESIDENTIAL starts", Setting.RESIDENTIAL),
            new Expected("a handover sent to the municipality, or a contact person assigned in the "
                    + "municipality, from 30 days before the admission",
                    List.of(FactType.HANDOVER_SENT, FactType.CONTACT_ASSIGNED), EnumSet.of(Setting.MUNICIPALITY),
                    LOOKBACK),
            Duration.ofHours(24), false);

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<Finding> judge(Judging on, Duration deadline) {
        if (((EpisodeStarted) on.event()).setting() != Setting.RESIDENTIAL) {
            return Optional.empty();
        }
        Instant t = on.t();
        Instant since = t.minus(LOOKBACK);
        Seen seen = on.seen();
        return Optional.of(new Finding(Windows.earliest(Stream.concat(
                seen.sendsToMunicipality.earliestSince(since, t).stream(),
                seen.municipalContacts.earliestSince(since, t).stream())), "admission to residential treatment"));
    }

    @Override
    public void reach(Fact<PathwayEvent> fact, boolean added, Reach reach) {
        if (!added) {
            return;
        }
        Instant t = fact.occurredAt();
        if (fact.event() instanceof HandoverSent h && h.toSetting() == Setting.MUNICIPALITY
                || fact.event() instanceof ContactAssigned c && c.setting() == Setting.MUNICIPALITY) {
            reach.unresolved(Instant.MIN, t.plus(LOOKBACK), t);
        }
    }
}
