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
import java.util.function.Predicate;
import java.util.stream.Stream;
import no.pathway.core.event.ActivityRecorded;
import no.pathway.core.event.AppointmentBooked;
import no.pathway.core.event.AppointmentMissed;
import no.pathway.core.event.ContactAssigned;
import no.pathway.core.event.EndReason;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.HandoverAccepted;
import no.pathway.core.event.HandoverRejected;
import no.pathway.core.event.HandoverSent;
import no.pathway.core.event.Housing;
import no.pathway.core.event.HousingRecorded;
import no.pathway.core.event.OverdoseRecorded;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.ReferenceSeen.Fact;

/**
 * The engine as it was before it was made near-linear (quadratic in a pathway's events, issue 12 finding 4), kept
 * as the reference the property tests compare today's engine and timeline with. Not used by the service.
 */
public final class ReferenceEngine {
    private static final Duration TRANSFER_WINDOW = Duration.ofHours(1);
    private static final Duration START_LEAD = Duration.ofHours(1);
    private static final Duration HANDOVER_LOOKBACK = Duration.ofDays(90);
    private static final Duration NOTICE_LOOKBACK = Duration.ofDays(30);
    private static final Duration CONTACT_LOOKBACK = Duration.ofDays(365);
    private static final Duration ACTIVITY_LOOKBACK = Duration.ofDays(30);
    private static final Set<Setting> TREATMENT = EnumSet.of(OUTPATIENT, RESIDENTIAL);
    private static final Set<Setting> AFTER_RELEASE = EnumSet.of(DETOX, OUTPATIENT, RESIDENTIAL, MUNICIPALITY, NAV);
    private static final Set<Setting> OVERDOSE_APPOINTMENT = EnumSet.of(DETOX, OUTPATIENT, RESIDENTIAL, MUNICIPALITY);
    private static final Set<Setting> OVERDOSE_START = EnumSet.of(DETOX, OUTPATIENT, RESIDENTIAL);

    private final RuleSet rules;
    private long work;

    public ReferenceEngine(RuleSet rules) {
        this.rules = rules;
    }

    /** The facts looked at by all evaluations so far. */
    public long work() {
        return work;
    }

    public RuleSet rules() {
        return rules;
    }

    /** Every gap of the pathway as judged at {@code at} from what was recorded by {@code knownAt}. */
    public List<Gap> evaluate(String pathwayId, List<PathwayEvent> recordedOrder, Instant at, Instant knownAt) {
        ReferenceSeen seen = ReferenceSeen.of(recordedOrder, at, knownAt);
        List<Gap> gaps = new Judgement(pathwayId, seen).gaps();
        work += seen.examined + seen.all().size();
        return gaps;
    }

    /** Everything recorded, with no limit in time: what the read models store. Status follows from the clock. */
    public List<Gap> evaluateAll(String pathwayId, List<PathwayEvent> recordedOrder) {
        return evaluate(pathwayId, recordedOrder, Instant.MAX, Instant.MAX);
    }

    /** One evaluation: the seen facts of one pathway and the gaps found in them. */
    private final class Judgement {
        private final String pathwayId;
        private final ReferenceSeen seen;
        private final Optional<Hit> death;
        private final List<ReferenceSeen.LiveAppointment> live;
        private final List<Gap> gaps = new ArrayList<>();

        Judgement(String pathwayId, ReferenceSeen seen) {
            this.pathwayId = pathwayId;
            this.seen = seen;
            this.death = seen.death();
            this.live = seen.liveAppointments();
        }

        List<Gap> gaps() {
            for (Fact<PathwayEvent> f : seen.all()) {
                PathwayEvent e = f.event();
                if (e instanceof EpisodeEnded ended) {
                    episodeEnded(f, ended);
                } else if (e instanceof EpisodeStarted started && started.setting() == RESIDENTIAL) {
                    admissionNotice(f);
                } else if (e instanceof HandoverSent sent) {
                    handoverAccepted(f, sent);
                } else if (e instanceof AppointmentMissed missed) {
                    rebooking(f, missed);
                } else if (e instanceof OverdoseRecorded overdose && !overdose.fatal()) {
                    overdoseFollowUp(f);
                }
            }
            return gaps;
        }

        private void episodeEnded(Fact<PathwayEvent> f, EpisodeEnded ended) {
            Instant t = f.occurredAt();
            if (ended.setting() == DETOX && ended.endReason() != EndReason.DIED) {
                add(GapRule.DETOX_NO_TREATMENT_24H, f, followUp(t, deadline(GapRule.DETOX_NO_TREATMENT_24H),
                        TREATMENT, TREATMENT, START_LEAD), "detox ended: " + ended.endReason());
            }
            if (!isCommunityDischarge(f, ended)) {
                return;
            }
            Setting from = ended.setting();
            housing(f);
            Instant episodeStart = seen.of(EpisodeStarted.class)
                    .filter(s -> s.event().episodeId().equals(ended.episodeId()) && !s.occurredAt().isAfter(t))
                    .reduce((a, b) -> b).map(Fact::occurredAt).orElse(t.minus(HANDOVER_LOOKBACK));
            add(GapRule.DISCHARGE_WITHOUT_HANDOVER, f, first(HandoverSent.class, t,
                            h -> h.event().fromSetting() == from && !h.occurredAt().isBefore(episodeStart)),
                    "discharge from " + from + "; a handover from " + from + " is needed");
            if (from == PRISON) {
                add(GapRule.RELEASE_NO_CONTACT_72H, f, followUp(t, deadline(GapRule.RELEASE_NO_CONTACT_72H),
                        AFTER_RELEASE, AFTER_RELEASE, START_LEAD), "release from prison");
            }
            if (from == RESIDENTIAL || from == PRISON) {
                Instant since = t.minus(CONTACT_LOOKBACK);
                add(GapRule.NO_MUNICIPAL_CONTACT_AT_DISCHARGE, f, first(ContactAssigned.class, t,
                                c -> c.event().setting() == MUNICIPALITY && !c.occurredAt().isBefore(since)),
                        "discharge from " + from);
            }
            if (from == RESIDENTIAL) {
                Instant since = t.minus(ACTIVITY_LOOKBACK);
                Optional<Hit> activity = earliest(Stream.concat(
                        seen.of(ActivityRecorded.class).filter(a -> !a.occurredAt().isBefore(since)).map(a -> a.hit(t)),
                        seen.of(EpisodeStarted.class).filter(s -> s.event().setting() == NAV
                                && !s.occurredAt().isBefore(since)).map(s -> s.hit(t))));
                add(GapRule.NO_ACTIVITY_14D, f, activity, "discharge from residential treatment");
            }
        }

        /** An institutional end that is not a death and not a transfer (TRANSFERRED, or an institutional start). */
        private boolean isCommunityDischarge(Fact<PathwayEvent> f, EpisodeEnded ended) {
            if (!ended.setting().isInstitutional() || ended.endReason() == EndReason.DIED
                    || ended.endReason() == EndReason.TRANSFERRED) {
                return false;
            }
            Instant t = f.occurredAt();
            return seen.of(EpisodeStarted.class).noneMatch(s -> s.event().setting().isInstitutional()
                    && !s.event().episodeId().equals(ended.episodeId())
                    && !s.occurredAt().isBefore(t.minus(TRANSFER_WINDOW))
                    && !s.occurredAt().isAfter(t.plus(TRANSFER_WINDOW)));
        }

        private void housing(Fact<PathwayEvent> f) {
            Instant t = f.occurredAt();
            Optional<Fact<HousingRecorded>> atDischarge = seen.of(HousingRecorded.class)
                    .filter(h -> !h.occurredAt().isAfter(t)).reduce((a, b) -> b);
            Optional<Hit> closure = atDischarge.filter(h -> suitable(h.event().housing()))
                    .map(h -> new Hit(t, h.sequence(), h.event().eventId()))
                    .or(() -> seen.of(HousingRecorded.class)
                            .filter(h -> h.occurredAt().isAfter(t) && suitable(h.event().housing()))
                            .findFirst().map(h -> h.hit(t)));
            add(GapRule.DISCHARGE_WITHOUT_HOUSING, f, closure, "housing at discharge: "
                    + atDischarge.map(h -> h.event().housing().name()).orElse("unknown"));
        }

        private void admissionNotice(Fact<PathwayEvent> f) {
            Instant since = f.occurredAt().minus(NOTICE_LOOKBACK);
            Optional<Hit> notice = earliest(Stream.concat(
                    seen.of(HandoverSent.class).filter(h -> h.event().toSetting() == MUNICIPALITY
                            && !h.occurredAt().isBefore(since)).map(h -> h.hit(f.occurredAt())),
                    seen.of(ContactAssigned.class).filter(c -> c.event().setting() == MUNICIPALITY
                            && !c.occurredAt().isBefore(since)).map(c -> c.hit(f.occurredAt()))));
            add(GapRule.ADMISSION_MUNICIPALITY_NOT_NOTIFIED, f, notice, "admission to residential treatment");
        }

        private void handoverAccepted(Fact<PathwayEvent> f, HandoverSent sent) {
            Instant t = f.occurredAt();
            String id = sent.handoverId();
            boolean rejected = seen.of(HandoverRejected.class).anyMatch(r -> r.event().handoverId().equals(id));
            Stream<Hit> own = seen.of(HandoverAccepted.class)
                    .filter(a -> a.event().handoverId().equals(id)).map(a -> a.hit(t));
            Stream<Hit> successor = !rejected ? Stream.empty() : seen.of(HandoverSent.class)
                    .filter(later -> later.isAfter(f) && later.event().toSetting() == sent.toSetting()
                            && !later.event().handoverId().equals(id))
                    .flatMap(later -> seen.of(HandoverAccepted.class)
                            .filter(a -> a.event().handoverId().equals(later.event().handoverId())))
                    .map(a -> a.hit(t));
            add(GapRule.HANDOVER_NOT_ACCEPTED_48H, f, earliest(Stream.concat(own, successor)),
                    "handover " + id + " " + sent.fromSetting() + " to " + sent.toSetting()
                            + (rejected ? " (rejected)" : ""));
        }

        private void rebooking(Fact<PathwayEvent> f, AppointmentMissed missed) {
            Instant t = f.occurredAt();
            Optional<Hit> next = earliest(Stream.concat(
                    seen.of(AppointmentBooked.class).filter(b -> b.event().setting() != PRISON
                            && !b.occurredAt().isBefore(t)).map(b -> b.hit(t)),
                    seen.of(EpisodeStarted.class).filter(s -> s.event().setting() != PRISON
                            && !s.occurredAt().isBefore(t)).map(s -> s.hit(t))));
            add(GapRule.MISSED_APPOINTMENT_NO_REBOOKING_72H, f, next,
                    "missed appointment " + missed.appointmentId());
        }

        private void overdoseFollowUp(Fact<PathwayEvent> f) {
            add(GapRule.OVERDOSE_NO_FOLLOW_UP_48H, f, followUp(f.occurredAt(),
                    deadline(GapRule.OVERDOSE_NO_FOLLOW_UP_48H), OVERDOSE_APPOINTMENT, OVERDOSE_START, Duration.ZERO),
                    "non-fatal overdose");
        }

        /**
         * A live appointment in one of {@code appointmentSettings} scheduled in [t, t + window] (effective at the
         * later of t and its booking), or a start in one of {@code startSettings} in [t - lead, t + window].
         */
        private Optional<Hit> followUp(Instant t, Duration window, Set<Setting> appointmentSettings,
                                       Set<Setting> startSettings, Duration lead) {
            Instant end = t.plus(window);
            Stream<Hit> appointments = live.stream()
                    .filter(a -> appointmentSettings.contains(a.booked().setting())
                            && !a.booked().scheduledAt().isBefore(t) && !a.booked().scheduledAt().isAfter(end))
                    .map(a -> a.booking().hit(t));
            Stream<Hit> starts = seen.of(EpisodeStarted.class)
                    .filter(s -> startSettings.contains(s.event().setting())
                            && !s.occurredAt().isBefore(t.minus(lead)) && !s.occurredAt().isAfter(end))
                    .map(s -> s.hit(t));
            return earliest(Stream.concat(appointments, starts));
        }

        private <E extends PathwayEvent> Optional<Hit> first(Class<E> type, Instant t, Predicate<Fact<E>> matches) {
            return earliest(seen.of(type).filter(matches).map(x -> x.hit(t)));
        }

        private Duration deadline(GapRule rule) {
            return rules.deadline(rule);
        }

        private void add(GapRule rule, Fact<PathwayEvent> trigger, Optional<Hit> closure, String detail) {
            Instant t = trigger.occurredAt();
            Optional<Hit> readmission = !rule.excludedByReadmission() ? Optional.empty()
                    : seen.of(EpisodeStarted.class)
                    .filter(s -> s.event().setting().isInstitutional()
                            && s.occurredAt().isAfter(t.plus(TRANSFER_WINDOW)))
                    .findFirst().map(s -> new Hit(s.occurredAt(), s.sequence(), s.event().eventId()));
            Optional<Hit> exclusion = earliest(Stream.concat(readmission.stream(), death.stream()));
            boolean closed = closure.isPresent()
                    && (exclusion.isEmpty() || !closure.get().at().isAfter(exclusion.get().at()));
            Exclusion reason = closed || exclusion.isEmpty() ? null
                    : exclusion.equals(death) ? Exclusion.DIED : Exclusion.READMITTED;
            Duration deadline = deadline(rule);
            PathwayEvent e = trigger.event();
            gaps.add(new Gap(
                    Gap.idOf(pathwayId, rule, e.meta().source(), e.eventId()),
                    pathwayId, rule, rules.version(), deadline.toMinutes(),
                    e.eventId(), e.meta().source(), t, t.plus(deadline),
                    closed ? closure.get().at() : null,
                    closed ? closure.get().eventId() : null,
                    reason == null ? null : exclusion.get().at(),
                    reason == null ? null : exclusion.get().eventId(),
                    reason,
                    seen.municipalityAt(t), detail));
        }
    }

    private static boolean suitable(Housing housing) {
        return housing == Housing.OWN || housing == Housing.SUPPORTED;
    }

    private static Optional<Hit> earliest(Stream<Hit> hits) {
        return hits.min(Hit.EARLIEST);
    }
}
