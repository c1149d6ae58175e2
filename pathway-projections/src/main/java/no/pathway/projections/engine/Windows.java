package no.pathway.projections.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import no.pathway.core.event.AppointmentBooked;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.Seen.Fact;

/** The shared definitions of gap-rules.md the rules use: follow-up windows, the transfer hour, exclusions. */
final class Windows {
    /** An institutional start within this of an end makes the end a transfer; a readmission comes after it. */
    static final Duration TRANSFER = Duration.ofHours(1);

    private Windows() {
    }

    /**
     * A live appointment in one of {@code appointmentSettings} scheduled in [t, t + window] (effective at the
     * later of t and its booking), or a start in one of {@code startSettings} in [t - lead, t + window].
     */
    static Optional<Hit> followUp(Seen seen, Instant t, Duration window, Set<Setting> appointmentSettings,
                                  Set<Setting> startSettings, Duration lead) {
        Instant end = t.plus(window);
        Hit best = null;
        for (Fact<AppointmentBooked> a : seen.live.subMap(FactIndex.Pos.before(t), true,
                FactIndex.Pos.after(end), true).values()) {
            seen.work.add(1);
            if (appointmentSettings.contains(a.event().setting())) {
                best = earlier(best, a.hit(t));
            }
        }
        for (Fact<EpisodeStarted> s : seen.starts.between(t.minus(lead), end)) {
            if (startSettings.contains(s.event().setting())) {
                best = earlier(best, s.hit(t));
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Marks the triggers a follow-up ({@link #followUp}) at {@code fact} may satisfy: a start at s answers triggers
     * in [s - window, s + lead]; a live booking scheduled at s answers triggers in [s - window, s], from the later
     * of its booking and s - window.
     */
    static void reachOfStart(Fact<EpisodeStarted> start, Duration lead, Reach reach) {
        Instant s = start.occurredAt();
        reach.unresolved(s.minus(reach.longestDeadline()), s.plus(lead), s);
    }

    static void reachOfBooking(Fact<AppointmentBooked> booking, Reach reach) {
        Instant scheduled = booking.event().scheduledAt();
        Instant from = scheduled.minus(reach.longestDeadline());
        Instant floor = booking.occurredAt().isAfter(from) ? booking.occurredAt() : from;
        reach.unresolved(from, scheduled, floor);
    }

    /**
     * The exclusion of a gap triggered at t: the first readmission (if the rule has it) or the {@code death},
     * earliest wins.
     */
    static Optional<Hit> exclusion(Seen seen, Rule rule, Instant t, Optional<Hit> death) {
        Optional<Hit> readmission = !rule.excludedByReadmission() ? Optional.empty()
                : Optional.ofNullable(seen.institutionalStarts.higher(t.plus(TRANSFER))).map(Fact::hit);
        return earliest(Stream.concat(readmission.stream(), death.stream()));
    }

    /** The first death seen: PERSON_DIED, a fatal overdose, or an episode ended by death. */
    static Optional<Hit> death(Seen seen) {
        return Optional.ofNullable(seen.death()).map(Fact::hit);
    }

    static Hit earlier(Hit best, Hit candidate) {
        return best == null || Hit.EARLIEST.compare(candidate, best) < 0 ? candidate : best;
    }

    static Optional<Hit> earliest(Stream<Hit> hits) {
        return hits.min(Hit.EARLIEST);
    }
}
