package no.pathway.projections.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.FactType;
import no.pathway.core.event.HousingRecorded;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.engine.Seen.Fact;

/** Rule 2: nobody discharged or released without suitable housing. */
record HousingAtDischargeRule() implements Rule {
    private static final About ABOUT = new About(GapRule.DISCHARGE_WITHOUT_HOUSING, 2,
            "Nobody is discharged or released to no home or a hostel.",
            List.of("hearing statements: no discharge or release without suitable housing",
                    "ROP guideline: housing work starts at admission"),
            new Trigger(FactType.EPISODE_ENDED, "a community discharge from DETOX, RESIDENTIAL or PRISON"),
            new Expected("the latest housing recorded at or before the discharge is own or supported; "
                    + "else the first later housing recorded as own or supported",
                    List.of(FactType.HOUSING_RECORDED), EnumSet.noneOf(no.pathway.core.event.Setting.class), null),
            Duration.ZERO, true);

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<Finding> judge(Judging on, Duration deadline) {
        if (!on.isCommunityDischarge()) {
            return Optional.empty();
        }
        Instant t = on.t();
        Seen seen = on.seen();
        Fact<HousingRecorded> atDischarge = seen.housing.floor(t);
        Optional<Hit> closure;
        if (atDischarge != null && Seen.suitable(atDischarge.event().housing())) {
            closure = Optional.of(new Hit(t, atDischarge.sequence(), atDischarge.event().eventId()));
        } else {
            closure = Optional.ofNullable(seen.suitableHousing.higher(t)).map(h -> h.hit(t));
        }
        return Optional.of(new Finding(closure, "housing at discharge: "
                + (atDischarge == null ? "unknown" : atDischarge.event().housing().name())));
    }

    @Override
    public void reach(Fact<PathwayEvent> fact, boolean added, Reach reach) {
        if (!(fact.event() instanceof HousingRecorded h)) {
            return;
        }
        Instant t = fact.occurredAt();
        // the housing at the discharges up to the next record is this one (or no longer is)
        Seen seen = reach.seen();
        Fact<HousingRecorded> next = seen.housing.after(fact);
        for (Fact<EpisodeEnded> end : seen.ends.between(t, next == null ? Instant.MAX : next.occurredAt())) {
            reach.trigger(end);
        }
        if (added && Seen.suitable(h.housing())) {
            reach.unresolved(Instant.MIN, t, t);
        }
    }
}
