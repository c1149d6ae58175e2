package no.pathway.projections.engine;

import static no.pathway.core.event.Setting.DETOX;
import static no.pathway.core.event.Setting.MUNICIPALITY;
import static no.pathway.core.event.Setting.OUTPATIENT;
import static no.pathway.core.event.Setting.RESIDENTIAL;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.pathway.core.event.AppointmentBooked;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.FactType;
import no.pathway.core.event.OverdoseRecorded;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.Seen.Fact;

/** Rule 10: follow-up within 48 hours of a non-fatal overdose. */
record OverdoseFollowUpRule() implements Rule {
    static final Set<Setting> APPOINTMENT = EnumSet.of(DETOX, OUTPATIENT, RESIDENTIAL, MUNICIPALITY);
    static final Set<Setting> START = EnumSet.of(DETOX, OUTPATIENT, RESIDENTIAL);

    private static final About ABOUT = new About(GapRule.OVERDOSE_NO_FOLLOW_UP_48H, 10,
            "Follow-up after a non-fatal overdose.",
            List.of("Nasjonalt pasientforløp TSB, overdose: 48-hour open return",
                    "half the municipalities had no routine (2016)"),
            new Trigger(FactType.OVERDOSE_RECORDED, "a non-fatal overdose (fatal: false)"),
            new Expected("a live appointment in detox, outpatient or residential treatment or the "
                    + "municipality scheduled within the deadline, or a start in detox, outpatient or residential "
                    + "treatment within the deadline", List.of(FactType.APPOINTMENT_BOOKED, FactType.EPISODE_STARTED),
                    APPOINTMENT, Duration.ZERO),
            Duration.ofHours(48), false);

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<Finding> judge(Judging on, Duration deadline) {
        if (((OverdoseRecorded) on.event()).fatal()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Windows.followUp(on.seen(), on.t(), deadline, APPOINTMENT, START,
                Duration.ZERO), "non-fatal overdose"));
    }

    @Override
    public void reach(Fact<PathwayEvent> fact, boolean added, Reach reach) {
        if (added && fact.event() instanceof EpisodeStarted s && START.contains(s.setting())) {
            Windows.reachOfStart(Seen.cast(fact), Duration.ZERO, reach);
        }
    }

    @Override
    public void reachOfLiveBooking(Fact<AppointmentBooked> booking, Reach reach) {
        if (APPOINTMENT.contains(booking.event().setting())) {
            Windows.reachOfBooking(booking, reach);
        }
    }
}
