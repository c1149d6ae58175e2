package no.pathway.projections.engine;

import static no.pathway.core.event.Setting.DETOX;
import static no.pathway.core.event.Setting.MUNICIPALITY;
import static no.pathway.core.event.Setting.NAV;
import static no.pathway.core.event.Setting.OUTPATIENT;
import static no.pathway.core.event.Setting.RESIDENTIAL;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.pathway.core.event.AppointmentBooked;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.FactType;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.Seen.Fact;

/** Rule 4: contact within 72 hours of release from prison. */
record ContactAfterReleaseRule() implements Rule {
    static final Set<Setting> AFTER_RELEASE = EnumSet.of(DETOX, OUTPATIENT, RESIDENTIAL, MUNICIPALITY, NAV);
    private static final Duration START_LEAD = Duration.ofHours(1);

    private static final About ABOUT = new About(GapRule.RELEASE_NO_CONTACT_72H, 4,
            "Someone meets the person in the first days after prison.",
            List.of("Bukten et al. 2017: 123 of 493 overdose deaths in the first six months after release fell "
                            + "in week one",
                    "Binswanger et al. 2007"),
            new Trigger(FactType.EPISODE_ENDED, "a community discharge from PRISON", Setting.PRISON),
            new Expected("a live appointment in detox, outpatient or residential treatment, the municipality "
                    + "or NAV scheduled within the deadline, or a start of such an episode from an hour before the "
                    + "release to the deadline",
                    List.of(FactType.APPOINTMENT_BOOKED, FactType.EPISODE_STARTED), AFTER_RELEASE, START_LEAD),
            Duration.ofHours(72), true);

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<Finding> judge(Judging on, Duration deadline) {
        if (!on.isCommunityDischarge() || ((EpisodeEnded) on.event()).setting() != Setting.PRISON) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Windows.followUp(on.seen(), on.t(), deadline, AFTER_RELEASE, AFTER_RELEASE,
                START_LEAD), "release from prison"));
    }

    @Override
    public void reach(Fact<PathwayEvent> fact, boolean added, Reach reach) {
        if (added && fact.event() instanceof EpisodeStarted s && AFTER_RELEASE.contains(s.setting())) {
            Windows.reachOfStart(Seen.cast(fact), START_LEAD, reach);
        }
    }

    @Override
    public void reachOfLiveBooking(Fact<AppointmentBooked> booking, Reach reach) {
        if (AFTER_RELEASE.contains(booking.event().setting())) {
            Windows.reachOfBooking(booking, reach);
        }
    }
}
