package no.pathway.projections.engine;

import static no.pathway.core.event.Setting.DETOX;
import static no.pathway.core.event.Setting.MUNICIPALITY;
import static no.pathway.core.event.Setting.NAV;
import static no.pathway.core.event.Setting.OUTPATIENT;
import static no.pathway.core.event.Setting.PRISON;
import static no.pathway.core.event.Setting.RESIDENTIAL;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import no.pathway.core.event.AppointmentBooked;
import no.pathway.core.event.AppointmentMissed;
import no.pathway.core.event.EndReason;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.HandoverAccepted;
import no.pathway.core.event.HandoverRejected;
import no.pathway.core.event.HandoverSent;
import no.pathway.core.event.HousingRecorded;
import no.pathway.core.event.OverdoseRecorded;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.Seen.Fact;

/**
 * The gap rules of gap-rules.md as a pure function: (a pathway's events in recorded order, {@code at},
 * {@code knownAt}) to gap records. No clock, no database, no Spring: the projections, the as-of queries and the
 * table tests all call this one function.
 */
public final class GapEngine {
    private static final Duration TRANSFER_WINDOW = Duration.ofHours(1);
    private static final Duration START_LEAD = Duration.ofHours(1);
    private static final Duration HANDOVER_LOOKBACK = Duration.ofDays(90);
    private static final Duration NOTICE_LOOKBACK = Duration.ofDays(30);
    private static final Duration CONTACT_LOOKBACK = Duration.ofDays(365);
    private static final Duration ACTIVITY_LOOKBACK = Duration.ofDays(30);
    static final Set<Setting> TREATMENT = EnumSet.of(OUTPATIENT, RESIDENTIAL);
    static final Set<Setting> AFTER_RELEASE = EnumSet.of(DETOX, OUTPATIENT, RESIDENTIAL, MUNICIPALITY, NAV);
    static final Set<Setting> OVERDOSE_APPOINTMENT = EnumSet.of(DETOX, OUTPATIENT, RESIDENTIAL, MUNICIPALITY);
    static final Set<Setting> OVERDOSE_START = EnumSet.of(DETOX, OUTPATIENT, RESIDENTIAL);

    private final RuleSet rules;

    public GapEngine(RuleSet rules) {
        this.rules = rules;
    }

    public RuleSet rules() {
        return rules;
    }

    /** Every gap of the pathway as judged at {@code at} from what was recorded by {@code knownAt}. */
    public List<Gap> evaluate(String pathwayId, List<PathwayEvent> recordedOrder, Instant at, Instant knownAt) {
        return new Judgement(pathwayId, Seen.of(recordedOrder, at, knownAt)).gaps();
    }

    /** Everything recorded, with no limit in time: what the read models store. Status follows from the clock. */
    public List<Gap> evaluateAll(String pathwayId, List<PathwayEvent> recordedOrder) {
        return evaluate(pathwayId, recordedOrder, Instant.MAX, Instant.MAX);
    }

    Judgement judgement(String pathwayId, Seen seen) {
        return new Judgement(pathwayId, seen);
    }

    /** The longest window a follow-up rule looks ahead from its trigger: how far a booking or a start reaches back. */
    Duration longestFollowUp() {
        return Stream.of(GapRule.DETOX_NO_TREATMENT_24H, GapRule.RELEASE_NO_CONTACT_72H,
                GapRule.OVERDOSE_NO_FOLLOW_UP_48H).map(this::deadline).max(Duration::compareTo).orElseThrow();
    }

    static Duration startLead() {
        return START_LEAD;
    }

    static Duration transferWindow() {
        return TRANSFER_WINDOW;
    }

    static Duration noticeLookback() {
        return NOTICE_LOOKBACK;
    }

    static Duration contactLookback() {
        return CONTACT_LOOKBACK;
    }

    static Duration activityLookback() {
        return ACTIVITY_LOOKBACK;
    }

    private Duration deadline(GapRule rule) {
        return rules.deadline(rule);
    }

    /**
     * The judgement of one pathway's seen facts. Each trigger is judged on its own with the indexes of
     * {@link Seen}: a whole pathway costs n log n, and the timeline re-judges only the triggers a change touches.
     */
    final class Judgement {
        private final String pathwayId;
        private final Seen seen;

        Judgement(String pathwayId, Seen seen) {
            this.pathwayId = pathwayId;
            this.seen = seen;
        }

        List<Gap> gaps() {
            List<Gap> gaps = new ArrayList<>();
            for (Fact<PathwayEvent> f : seen.all()) {
                for (Verdict v : judge(f)) {
                    gaps.add(v.gap());
                }
            }
            return gaps;
        }

        /** The gaps a fact triggers, in the order of gap-rules.md; none when it triggers no rule. */
        List<Verdict> judge(Fact<PathwayEvent> f) {
            List<Verdict> verdicts = new ArrayList<>(1);
            PathwayEvent e = f.event();
            if (e instanceof EpisodeEnded ended) {
                seen.work.add(1);
                episodeEnded(f, ended, verdicts);
            } else if (e instanceof EpisodeStarted started && started.setting() == RESIDENTIAL) {
                seen.work.add(1);
                admissionNotice(f, verdicts);
            } else if (e instanceof HandoverSent sent) {
                seen.work.add(1);
                handoverAccepted(f, sent, verdicts);
            } else if (e instanceof AppointmentMissed missed) {
                seen.work.add(1);
                rebooking(f, missed, verdicts);
            } else if (e instanceof OverdoseRecorded overdose && !overdose.fatal()) {
                seen.work.add(1);
                overdoseFollowUp(f, verdicts);
            }
            return verdicts;
        }

        private void episodeEnded(Fact<PathwayEvent> f, EpisodeEnded ended, List<Verdict> out) {
            Instant t = f.occurredAt();
            if (ended.setting() == DETOX && ended.endReason() != EndReason.DIED) {
                out.add(verdict(GapRule.DETOX_NO_TREATMENT_24H, f, followUp(t,
                        deadline(GapRule.DETOX_NO_TREATMENT_24H), TREATMENT, TREATMENT, START_LEAD),
                        "detox ended: " + ended.endReason()));
            }
            if (!isCommunityDischarge(f, ended)) {
                return;
            }
            Setting from = ended.setting();
            out.add(housing(f));
            FactIndex<EpisodeStarted> ownStarts = seen.startsByEpisode.get(ended.episodeId());
            Fact<EpisodeStarted> ownStart = ownStarts == null ? null : ownStarts.floor(t);
            Instant episodeStart = ownStart == null ? t.minus(HANDOVER_LOOKBACK) : ownStart.occurredAt();
            FactIndex<HandoverSent> handovers = seen.sendsFrom.get(from);
            out.add(verdict(GapRule.DISCHARGE_WITHOUT_HANDOVER, f,
                    handovers == null ? Optional.empty() : handovers.earliestSince(episodeStart, t),
                    "discharge from " + from + "; a handover from " + from + " is needed"));
            if (from == PRISON) {
                out.add(verdict(GapRule.RELEASE_NO_CONTACT_72H, f, followUp(t,
                        deadline(GapRule.RELEASE_NO_CONTACT_72H), AFTER_RELEASE, AFTER_RELEASE, START_LEAD),
                        "release from prison"));
            }
            if (from == RESIDENTIAL || from == PRISON) {
                out.add(verdict(GapRule.NO_MUNICIPAL_CONTACT_AT_DISCHARGE, f,
                        seen.municipalContacts.earliestSince(t.minus(CONTACT_LOOKBACK), t),
                        "discharge from " + from));
            }
            if (from == RESIDENTIAL) {
                out.add(verdict(GapRule.NO_ACTIVITY_14D, f,
                        seen.activities.earliestSince(t.minus(ACTIVITY_LOOKBACK), t),
                        "discharge from residential treatment"));
            }
        }

        /**
         * An institutional end that is not a death and not a transfer (TRANSFERRED, or an institutional start
         * within 1 h).
         */
        private boolean isCommunityDischarge(Fact<PathwayEvent> f, EpisodeEnded ended) {
            if (!ended.setting().isInstitutional() || ended.endReason() == EndReason.DIED
                    || ended.endReason() == EndReason.TRANSFERRED) {
                return false;
            }
            Instant t = f.occurredAt();
            for (Fact<EpisodeStarted> s : seen.institutionalStarts.between(t.minus(TRANSFER_WINDOW),
                    t.plus(TRANSFER_WINDOW))) {
                if (!s.event().episodeId().equals(ended.episodeId())) {
                    return false;
                }
            }
            return true;
        }

        private Verdict housing(Fact<PathwayEvent> f) {
            Instant t = f.occurredAt();
            Fact<HousingRecorded> atDischarge = seen.housing.floor(t);
            Optional<Hit> closure;
            if (atDischarge != null && Seen.suitable(atDischarge.event().housing())) {
                closure = Optional.of(new Hit(t, atDischarge.sequence(), atDischarge.event().eventId()));
            } else {
                closure = Optional.ofNullable(seen.suitableHousing.higher(t)).map(h -> h.hit(t));
            }
            return verdict(GapRule.DISCHARGE_WITHOUT_HOUSING, f, closure, "housing at discharge: "
                    + (atDischarge == null ? "unknown" : atDischarge.event().housing().name()));
        }

        private void admissionNotice(Fact<PathwayEvent> f, List<Verdict> out) {
            Instant t = f.occurredAt();
            Instant since = t.minus(NOTICE_LOOKBACK);
            out.add(verdict(GapRule.ADMISSION_MUNICIPALITY_NOT_NOTIFIED, f, earliest(Stream.concat(
                    seen.sendsToMunicipality.earliestSince(since, t).stream(),
                    seen.municipalContacts.earliestSince(since, t).stream())), "admission to residential treatment"));
        }

        private void handoverAccepted(Fact<PathwayEvent> f, HandoverSent sent, List<Verdict> out) {
            Instant t = f.occurredAt();
            String id = sent.handoverId();
            FactIndex<HandoverRejected> rejections = seen.rejectsById.get(id);
            boolean rejected = rejections != null && !rejections.isEmpty();
            FactIndex<HandoverAccepted> own = seen.acceptsById.get(id);
            Optional<Hit> closure = own == null ? Optional.empty() : own.earliestSince(Instant.MIN, t);
            if (rejected) {
                closure = earliest(Stream.concat(closure.stream(), successor(f, sent).stream()));
            }
            out.add(verdict(GapRule.HANDOVER_NOT_ACCEPTED_48H, f, closure,
                    "handover " + id + " " + sent.fromSetting() + " to " + sent.toSetting()
                            + (rejected ? " (rejected)" : "")));
        }

        /**
         * The earliest acceptance of another handover to the same setting sent after this one. Those that occurred
         * by t count at t (the first recorded wins): such an acceptance came before a sending of its id, which is
         * rare and kept in an index of its own; after t the first that qualifies is the earliest.
         */
        private Optional<Hit> successor(Fact<PathwayEvent> f, HandoverSent sent) {
            Instant t = f.occurredAt();
            Fact<HandoverAccepted> byT = null;
            for (Fact<HandoverAccepted> a : seen.earlyAccepts.between(Instant.MIN, t)) {
                if ((byT == null || a.sequence() < byT.sequence()) && answers(a, f, sent)) {
                    byT = a;
                }
            }
            if (byT != null) {
                return Optional.of(byT.hit(t));
            }
            for (Fact<HandoverAccepted> a : seen.accepts.after(FactIndex.Pos.after(t))) {
                if (answers(a, f, sent)) {
                    return Optional.of(a.hit(t));
                }
            }
            return Optional.empty();
        }

        /** Whether an acceptance is of another handover to the same setting sent after {@code f}. */
        private boolean answers(Fact<HandoverAccepted> a, Fact<PathwayEvent> f, HandoverSent sent) {
            String id = a.event().handoverId();
            if (id.equals(sent.handoverId())) {
                return false;
            }
            FactIndex<HandoverSent> sends = seen.sendsById.get(id);
            if (sends == null) {
                return false;
            }
            for (Fact<HandoverSent> later : sends.after(FactIndex.Pos.of(f))) {
                if (later.event().toSetting() == sent.toSetting()) {
                    return true;
                }
            }
            return false;
        }

        private void rebooking(Fact<PathwayEvent> f, AppointmentMissed missed, List<Verdict> out) {
            Instant t = f.occurredAt();
            out.add(verdict(GapRule.MISSED_APPOINTMENT_NO_REBOOKING_72H, f,
                    Optional.ofNullable(seen.rebookings.ceiling(t)).map(b -> b.hit(t)),
                    "missed appointment " + missed.appointmentId()));
        }

        private void overdoseFollowUp(Fact<PathwayEvent> f, List<Verdict> out) {
            out.add(verdict(GapRule.OVERDOSE_NO_FOLLOW_UP_48H, f, followUp(f.occurredAt(),
                    deadline(GapRule.OVERDOSE_NO_FOLLOW_UP_48H), OVERDOSE_APPOINTMENT, OVERDOSE_START, Duration.ZERO),
                    "non-fatal overdose"));
        }

        /**
         * A live appointment in one of {@code appointmentSettings} scheduled in [t, t + window] (effective at the
         * later of t and its booking), or a start in one of {@code startSettings} in [t - lead, t + window].
         */
        private Optional<Hit> followUp(Instant t, Duration window, Set<Setting> appointmentSettings,
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

        private Verdict verdict(GapRule rule, Fact<PathwayEvent> trigger, Optional<Hit> closure, String detail) {
            Instant t = trigger.occurredAt();
            Optional<Hit> readmission = !rule.excludedByReadmission() ? Optional.empty()
                    : Optional.ofNullable(seen.institutionalStarts.higher(t.plus(TRANSFER_WINDOW))).map(Fact::hit);
            Optional<Hit> death = Optional.ofNullable(seen.death()).map(Fact::hit);
            Optional<Hit> exclusion = earliest(Stream.concat(readmission.stream(), death.stream()));
            boolean closed = closure.isPresent()
                    && (exclusion.isEmpty() || !closure.get().at().isAfter(exclusion.get().at()));
            Exclusion reason = closed || exclusion.isEmpty() ? null
                    : exclusion.equals(death) ? Exclusion.DIED : Exclusion.READMITTED;
            Duration deadline = deadline(rule);
            PathwayEvent e = trigger.event();
            Gap gap = new Gap(
                    Gap.idOf(pathwayId, rule, e.meta().source(), e.eventId()),
                    pathwayId, rule, rules.version(), deadline.toMinutes(),
                    e.eventId(), e.meta().source(), t, t.plus(deadline),
                    closed ? closure.get().at() : null,
                    closed ? closure.get().eventId() : null,
                    reason == null ? null : exclusion.get().at(),
                    reason,
                    seen.municipalityAt(t), detail);
            return new Verdict(gap, closed ? closure.get() : null, reason == null ? null : exclusion.get());
        }
    }

    private static Hit earlier(Hit best, Hit candidate) {
        return best == null || Hit.EARLIEST.compare(candidate, best) < 0 ? candidate : best;
    }

    private static Optional<Hit> earliest(Stream<Hit> hits) {
        return hits.min(Hit.EARLIEST);
    }
}
