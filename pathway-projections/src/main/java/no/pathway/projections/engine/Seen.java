package no.pathway.projections.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.pathway.core.event.ActivityRecorded;
import no.pathway.core.event.AppointmentBooked;
import no.pathway.core.event.AppointmentCancelled;
import no.pathway.core.event.AppointmentMissed;
import no.pathway.core.event.ContactAssigned;
import no.pathway.core.event.EndReason;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.EventRetracted;
import no.pathway.core.event.HandoverAccepted;
import no.pathway.core.event.HandoverRejected;
import no.pathway.core.event.HandoverSent;
import no.pathway.core.event.Housing;
import no.pathway.core.event.HousingRecorded;
import no.pathway.core.event.OverdoseRecorded;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.PersonDied;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.FactIndex.Pos;

/**
 * What the rules (and the read models) see of a pathway judged at {@code at} with knowledge up to
 * {@code knownAt}: the events recorded at or before {@code knownAt} that occurred at or before {@code at}, without
 * retracted events and without the retractions themselves, in order of occurrence (ties in recorded order).
 *
 * <p>The facts are kept in indexes, one per question a rule asks (the bookings of an appointment, the live
 * appointments by their time, the handovers from a setting...), so that judging a pathway costs n log n in its
 * events, not n squared (issue 12, finding 4). Facts can be added and removed one by one: the timeline moves
 * through a pathway's history that way ({@link GapReplay}).
 */
public final class Seen {
    /** A seen event and its position in recorded order. */
    public record Fact<E extends PathwayEvent>(int sequence, E event) {
        public Instant occurredAt() {
            return event.occurredAt();
        }

        /** This fact as what satisfied a rule, at the later of its occurrence and {@code notBefore}. */
        Hit hit(Instant notBefore) {
            Instant at = occurredAt().isBefore(notBefore) ? notBefore : occurredAt();
            return new Hit(at, sequence, event.eventId());
        }

        /** This fact as it happened: at its occurrence. */
        Hit hit() {
            return new Hit(occurredAt(), sequence, event.eventId());
        }

        boolean isAfter(Fact<?> other) {
            int byTime = occurredAt().compareTo(other.occurredAt());
            return byTime > 0 || byTime == 0 && sequence > other.sequence;
        }
    }

    final Work work = new Work();
    private final Map<Integer, Fact<PathwayEvent>> bySequence = new HashMap<>();
    private final FactIndex<PathwayEvent> all = index();
    private List<Fact<PathwayEvent>> allList;

    final FactIndex<EpisodeStarted> starts = index();
    final FactIndex<EpisodeStarted> institutionalStarts = index();
    final Map<String, FactIndex<EpisodeStarted>> startsByEpisode = new HashMap<>();
    final FactIndex<EpisodeEnded> ends = index();
    final Map<String, FactIndex<EpisodeEnded>> endsByEpisode = new HashMap<>();
    final FactIndex<HousingRecorded> housing = index();
    final FactIndex<HousingRecorded> suitableHousing = index();
    final Map<Setting, FactIndex<HandoverSent>> sendsFrom = new EnumMap<>(Setting.class);
    final Map<Setting, FactIndex<HandoverSent>> sendsTo = new EnumMap<>(Setting.class);
    final Map<String, FactIndex<HandoverSent>> sendsById = new HashMap<>();
    final FactIndex<HandoverAccepted> accepts = index();
    final Map<String, FactIndex<HandoverAccepted>> acceptsById = new HashMap<>();
    /** Acceptances that occurred at or before a handover of their id was sent (again): rare, see successor. */
    final FactIndex<HandoverAccepted> earlyAccepts = index();
    final Map<String, FactIndex<HandoverRejected>> rejectsById = new HashMap<>();
    final Map<String, FactIndex<AppointmentBooked>> bookingsById = new HashMap<>();
    /** Cancellations and no-shows by appointment id. */
    final Map<String, FactIndex<PathwayEvent>> appointmentEndsById = new HashMap<>();
    /** The live appointments by their scheduled time (ties in recorded order). */
    final TreeMap<Pos, Fact<AppointmentBooked>> live = new TreeMap<>();
    private final Map<String, Fact<AppointmentBooked>> liveById = new HashMap<>();
    /** Non-prison bookings and starts: what answers a missed appointment. */
    final FactIndex<PathwayEvent> rebookings = index();
    /** Activities and NAV starts. */
    final FactIndex<PathwayEvent> activities = index();
    final FactIndex<ContactAssigned> municipalContacts = index();
    final FactIndex<HandoverSent> sendsToMunicipality = index();
    /** PERSON_DIED, fatal overdoses, episodes ended by death. */
    final FactIndex<PathwayEvent> deaths = index();
    private final FactIndex<PathwayEvent> municipalityReports = index();

    private Seen() {
    }

    public static Seen of(List<PathwayEvent> recordedOrder, Instant at, Instant knownAt) {
        List<Fact<PathwayEvent>> visible = new ArrayList<>();
        for (int i = 0; i < recordedOrder.size(); i++) {
            PathwayEvent e = recordedOrder.get(i);
            if (!e.recordedAt().isAfter(knownAt) && !e.occurredAt().isAfter(at)) {
                visible.add(new Fact<>(i, e));
            }
        }
        Set<String> retracted = new HashSet<>();
        for (Fact<PathwayEvent> f : visible) {
            if (f.event() instanceof EventRetracted r) {
                retracted.add(r.retractedKey());
            }
        }
        Seen seen = new Seen();
        for (Fact<PathwayEvent> f : visible) {
            if (!(f.event() instanceof EventRetracted) && !retracted.contains(f.event().key())) {
                seen.add(f);
            }
        }
        return seen;
    }

    /** An empty view, to which the timeline adds facts as they become known. */
    static Seen empty() {
        return new Seen();
    }

    /** The facts in order of occurrence (ties in recorded order). */
    public List<Fact<PathwayEvent>> all() {
        if (allList == null) {
            allList = new ArrayList<>(all.size());
            all.forEach(allList::add);
        }
        return allList;
    }

    Fact<PathwayEvent> fact(int sequence) {
        return bySequence.get(sequence);
    }

    /** The first death: PERSON_DIED, a fatal overdose, or an episode ended by death. */
    Fact<PathwayEvent> death() {
        return deaths.first();
    }

    /** The live booking of an appointment: its latest booking when no cancellation or no-show came after it. */
    Fact<AppointmentBooked> liveOf(String appointmentId) {
        return liveById.get(appointmentId);
    }

    /** The latest municipality reported, by occurrence. */
    public String municipality() {
        Fact<PathwayEvent> last = municipalityReports.last();
        return last == null ? null : last.event().meta().municipality();
    }

    /**
     * The municipality responsible at {@code t} (docs/security.md, "Responsibility across a move"): the latest
     * reported by an event that occurred at or before {@code t}; if none had been reported by then, the first
     * reported after it. Null when no event names one.
     */
    public String municipalityAt(Instant t) {
        Fact<PathwayEvent> report = municipalityReports.floor(t);
        if (report == null) {
            report = municipalityReports.first();
        }
        return report == null ? null : report.event().meta().municipality();
    }

    /** Adds a fact to every index it belongs to. */
    @SuppressWarnings("unchecked")
    void add(Fact<PathwayEvent> f) {
        allList = null;
        bySequence.put(f.sequence(), f);
        all.add(f);
        PathwayEvent e = f.event();
        if (e.meta().municipality() != null) {
            municipalityReports.add(f);
        }
        if (isDeath(e)) {
            deaths.add(f);
        }
        if (e instanceof EpisodeStarted s) {
            Fact<EpisodeStarted> start = (Fact<EpisodeStarted>) (Fact<?>) f;
            starts.add(start);
            startsByEpisode.computeIfAbsent(s.episodeId(), k -> index()).add(start);
            if (s.setting().isInstitutional()) {
                institutionalStarts.add(start);
            }
            if (s.setting() != Setting.PRISON) {
                rebookings.add(f);
            }
            if (s.setting() == Setting.NAV) {
                activities.add(f);
            }
        } else if (e instanceof EpisodeEnded x) {
            Fact<EpisodeEnded> end = (Fact<EpisodeEnded>) (Fact<?>) f;
            ends.add(end);
            endsByEpisode.computeIfAbsent(x.episodeId(), k -> index()).add(end);
        } else if (e instanceof HousingRecorded h) {
            housing.add((Fact<HousingRecorded>) (Fact<?>) f);
            if (suitable(h.housing())) {
                suitableHousing.add((Fact<HousingRecorded>) (Fact<?>) f);
            }
        } else if (e instanceof HandoverSent h) {
            Fact<HandoverSent> sent = (Fact<HandoverSent>) (Fact<?>) f;
            sendsFrom.computeIfAbsent(h.fromSetting(), k -> index()).add(sent);
            sendsTo.computeIfAbsent(h.toSetting(), k -> index()).add(sent);
            sendsById.computeIfAbsent(h.handoverId(), k -> index()).add(sent);
            if (h.toSetting() == Setting.MUNICIPALITY) {
                sendsToMunicipality.add(sent);
            }
            refreshEarly(h.handoverId());
        } else if (e instanceof HandoverAccepted a) {
            Fact<HandoverAccepted> accepted = (Fact<HandoverAccepted>) (Fact<?>) f;
            accepts.add(accepted);
            acceptsById.computeIfAbsent(a.handoverId(), k -> index()).add(accepted);
            refreshEarly(a.handoverId());
        } else if (e instanceof HandoverRejected r) {
            rejectsById.computeIfAbsent(r.handoverId(), k -> index()).add((Fact<HandoverRejected>) (Fact<?>) f);
        } else if (e instanceof AppointmentBooked b) {
            bookingsById.computeIfAbsent(b.appointmentId(), k -> index()).add((Fact<AppointmentBooked>) (Fact<?>) f);
            if (b.setting() != Setting.PRISON) {
                rebookings.add(f);
            }
            refreshLive(b.appointmentId());
        } else if (appointmentId(e) != null) {
            appointmentEndsById.computeIfAbsent(appointmentId(e), k -> index()).add(f);
            refreshLive(appointmentId(e));
        } else if (e instanceof ActivityRecorded) {
            activities.add(f);
        } else if (e instanceof ContactAssigned c && c.setting() == Setting.MUNICIPALITY) {
            municipalContacts.add((Fact<ContactAssigned>) (Fact<?>) f);
        }
    }

    /** Takes a fact out of every index (a retraction seen, or a step back in time). */
    void remove(Fact<PathwayEvent> f) {
        allList = null;
        bySequence.remove(f.sequence());
        all.remove(f);
        municipalityReports.remove(f);
        deaths.remove(f);
        PathwayEvent e = f.event();
        if (e instanceof EpisodeStarted s) {
            starts.remove(f);
            startsByEpisode.get(s.episodeId()).remove(f);
            institutionalStarts.remove(f);
            rebookings.remove(f);
            activities.remove(f);
        } else if (e instanceof EpisodeEnded x) {
            ends.remove(f);
            endsByEpisode.get(x.episodeId()).remove(f);
        } else if (e instanceof HousingRecorded) {
            housing.remove(f);
            suitableHousing.remove(f);
        } else if (e instanceof HandoverSent h) {
            sendsFrom.get(h.fromSetting()).remove(f);
            sendsTo.get(h.toSetting()).remove(f);
            sendsById.get(h.handoverId()).remove(f);
            sendsToMunicipality.remove(f);
            refreshEarly(h.handoverId());
        } else if (e instanceof HandoverAccepted a) {
            accepts.remove(f);
            acceptsById.get(a.handoverId()).remove(f);
            earlyAccepts.remove(f);
            refreshEarly(a.handoverId());
        } else if (e instanceof HandoverRejected r) {
            rejectsById.get(r.handoverId()).remove(f);
        } else if (e instanceof AppointmentBooked b) {
            bookingsById.get(b.appointmentId()).remove(f);
            rebookings.remove(f);
            refreshLive(b.appointmentId());
        } else if (appointmentId(e) != null) {
            appointmentEndsById.get(appointmentId(e)).remove(f);
            refreshLive(appointmentId(e));
        } else if (e instanceof ActivityRecorded) {
            activities.remove(f);
        } else if (e instanceof ContactAssigned) {
            municipalContacts.remove(f);
        }
    }

    /** A fact as the event type its event has (checked by the caller). */
    @SuppressWarnings("unchecked")
    static <E extends PathwayEvent> Fact<E> cast(Fact<?> f) {
        return (Fact<E>) f;
    }

    /** The appointment a cancellation or a no-show ends, else null. */
    static String appointmentId(PathwayEvent e) {
        if (e instanceof AppointmentCancelled c) {
            return c.appointmentId();
        }
        return e instanceof AppointmentMissed m ? m.appointmentId() : null;
    }

    /** A live appointment: the latest booking of an id, with no cancellation or no-show after it. */
    private void refreshLive(String appointmentId) {
        Fact<AppointmentBooked> before = liveById.remove(appointmentId);
        if (before != null) {
            live.remove(scheduled(before));
        }
        FactIndex<AppointmentBooked> bookings = bookingsById.get(appointmentId);
        Fact<AppointmentBooked> latest = bookings == null ? null : bookings.last();
        if (latest == null) {
            return;
        }
        FactIndex<PathwayEvent> ended = appointmentEndsById.get(appointmentId);
        if (ended == null || ended.after(latest) == null) {
            liveById.put(appointmentId, latest);
            live.put(scheduled(latest), latest);
        }
    }

    /** Which acceptances of a handover id occurred at or before its last sending. */
    private void refreshEarly(String handoverId) {
        FactIndex<HandoverAccepted> acceptances = acceptsById.get(handoverId);
        if (acceptances == null) {
            return;
        }
        FactIndex<HandoverSent> sends = sendsById.get(handoverId);
        Fact<HandoverSent> lastSent = sends == null ? null : sends.last();
        for (Fact<HandoverAccepted> a : acceptances) {
            earlyAccepts.remove(a);
            if (lastSent != null && !a.occurredAt().isAfter(lastSent.occurredAt())) {
                earlyAccepts.add(a);
            }
        }
    }

    static Pos scheduled(Fact<AppointmentBooked> booking) {
        return new Pos(booking.event().scheduledAt(), booking.sequence());
    }

    static boolean isDeath(PathwayEvent e) {
        return e instanceof PersonDied || e instanceof OverdoseRecorded o && o.fatal()
                || e instanceof EpisodeEnded x && x.endReason() == EndReason.DIED;
    }

    static boolean suitable(Housing housing) {
        return housing == Housing.OWN || housing == Housing.SUPPORTED;
    }

    private <E extends PathwayEvent> FactIndex<E> index() {
        return new FactIndex<>(work);
    }
}
