package no.pathway.projections.engine;

import static no.pathway.core.event.Setting.OUTPATIENT;
import static no.pathway.core.event.Setting.RESIDENTIAL;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.pathway.core.event.AppointmentBooked;
import no.pathway.core.event.EndReason;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.FactType;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.Seen.Fact;

/** Rule 1: treatment within 24 hours of detox. */
record DetoxNoTreatmentRule() implements Rule {
    static final Set<Setting> TREATMENT = EnumSet.of(OUTPATIENT, RESIDENTIAL);
    private static final Duration START_LEAD = Duration.ofHours(1);

    private static final About ABOUT = new About(GapRule.DETOX_NO_TREATMENT_24H, 1,
            "Nobody leaves detox without treatment within a day.",
            List.of("the 24-hour treatment guarantee (Stockholm model)",
                    "Nasjonalt pasientforløp TSB, forløpstider: inpatient detox → next treatment within 0 days"),
            new Trigger(FactType.EPISODE_ENDED, "an episode in DETOX ends, endReason not DIED", Setting.DETOX),
            new Expected("a live appointment in outpatient or residential treatment scheduled within the "
                    + "deadline, or a start of such an episode from an hour before the end to the deadline",
                    List.of(FactType.APPOINTMENT_BOOKED, FactType.EPISODE_STARTED), TREATMENT, START_LEAD),
            Duration.ofHours(24), false);

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<Finding> judge(Judging on, Duration deadline) {
        EpisodeEnded ended = (EpisodeEnded) on.event();
        if (ended.setting() != Setting.DETOX || ended.endReason() == EndReason.DIED) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Windows.followUp(on.seen(), on.t(), deadline, TREATMENT, TREATMENT,
                START_LEAD), "detox ended: " + ended.endReason()));
    }

    @Override
    public void reach(Fact<PathwayEvent> fact, boolean added, Reach reach) {
        if (added && fact.event() instanceof EpisodeStarted s && TREATMENT.contains(s.setting())) {
            Windows.reachOfStart(Seen.cast(fact), START_LEAD, reach);
        }
    }

    @Override
    public void reachOfLiveBooking(Fact<AppointmentBooked> booking, Reach reach) {
        if (TREATMENT.contains(booking.event().setting())) {
            Windows.reachOfBooking(booking, reach);
        }
    }
}
