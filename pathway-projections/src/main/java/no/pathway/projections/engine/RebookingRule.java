package no.pathway.projections.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import no.pathway.core.event.AppointmentBooked;
import no.pathway.core.event.AppointmentMissed;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.FactType;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.Seen.Fact;

/** Rule 9: a missed appointment is followed by a new one within 72 hours. */
record RebookingRule() implements Rule {
    private static final About ABOUT = new About(GapRule.MISSED_APPOINTMENT_NO_REBOOKING_72H, 9,
            "A no-show is met with outreach, not a fine.",
            List.of("patients who miss appointments are fined or lose their place (domain.md)"),
            new Trigger(FactType.APPOINTMENT_MISSED, "an appointment is missed"),
            new Expected("an appointment booked (new or rebooked), or an episode started, in any setting but "
                    + "prison, at or after the missed appointment", List.of(FactType.APPOINTMENT_BOOKED,
                    FactType.EPISODE_STARTED), EnumSet.complementOf(EnumSet.of(Setting.PRISON)), Duration.ZERO),
            Duration.ofHours(72), false);

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<Finding> judge(Judging on, Duration deadline) {
        Instant t = on.t();
        return Optional.of(new Finding(Optional.ofNullable(on.seen().rebookings.ceiling(t)).map(b -> b.hit(t)),
                "missed appointment " + ((AppointmentMissed) on.event()).appointmentId()));
    }

    @Override
    public void reach(Fact<PathwayEvent> fact, boolean added, Reach reach) {
        if (added && (fact.event() instanceof AppointmentBooked b && b.setting() != Setting.PRISON
                || fact.event() instanceof EpisodeStarted s && s.setting() != Setting.PRISON)) {
            Instant t = fact.occurredAt();
            reach.unresolved(Instant.MIN, t, t);
        }
    }
}
