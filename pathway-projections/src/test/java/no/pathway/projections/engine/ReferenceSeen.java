package no.pathway.projections.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import no.pathway.core.event.AppointmentBooked;
import no.pathway.core.event.AppointmentCancelled;
import no.pathway.core.event.AppointmentMissed;
import no.pathway.core.event.EndReason;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.EventRetracted;
import no.pathway.core.event.OverdoseRecorded;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.PersonDied;

/** The reference engine's view of a pathway, as it was (see {@link ReferenceEngine}). */
public final class ReferenceSeen {
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

        boolean isAfter(Fact<?> other) {
            int byTime = occurredAt().compareTo(other.occurredAt());
            return byTime > 0 || byTime == 0 && sequence > other.sequence;
        }
    }

    /** A live appointment: the latest booking of an id, with no cancellation or no-show after it. */
    record LiveAppointment(Fact<AppointmentBooked> booking) {
        AppointmentBooked booked() {
            return booking.event();
        }
    }

    private static final Comparator<Fact<?>> ORDER =
            Comparator.<Fact<?>, Instant>comparing(Fact::occurredAt).thenComparingInt(Fact::sequence);

    private final List<Fact<PathwayEvent>> facts;
    /** Facts looked at by the queries: the measure the work tests compare with today's engine. */
    long examined;
    private List<Fact<PathwayEvent>> municipalityReports;

    private ReferenceSeen(List<Fact<PathwayEvent>> facts) {
        this.facts = facts;
    }

    public static ReferenceSeen of(List<PathwayEvent> recordedOrder, Instant at, Instant knownAt) {
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
        List<Fact<PathwayEvent>> kept = new ArrayList<>();
        for (Fact<PathwayEvent> f : visible) {
            if (!(f.event() instanceof EventRetracted) && !retracted.contains(f.event().key())) {
                kept.add(f);
            }
        }
        kept.sort(ORDER);
        return new ReferenceSeen(kept);
    }

    public List<Fact<PathwayEvent>> all() {
        return facts;
    }

    @SuppressWarnings("unchecked")
    <E extends PathwayEvent> Stream<Fact<E>> of(Class<E> type) {
        return facts.stream().peek(f -> examined++).filter(f -> type.isInstance(f.event()))
                .map(f -> (Fact<E>) (Fact<?>) f);
    }

    /** The first death: PERSON_DIED, a fatal overdose, or an episode ended by death. */
    Optional<Hit> death() {
        return facts.stream().peek(f -> examined++)
                .filter(f -> f.event() instanceof PersonDied
                        || f.event() instanceof OverdoseRecorded o && o.fatal()
                        || f.event() instanceof EpisodeEnded e && e.endReason() == EndReason.DIED)
                .findFirst()
                .map(f -> new Hit(f.occurredAt(), f.sequence(), f.event().eventId()));
    }

    List<LiveAppointment> liveAppointments() {
        Map<String, Fact<AppointmentBooked>> latest = new HashMap<>();
        of(AppointmentBooked.class).forEach(b -> latest.put(b.event().appointmentId(), b));
        List<LiveAppointment> live = new ArrayList<>();
        for (Fact<AppointmentBooked> booking : latest.values()) {
            String id = booking.event().appointmentId();
            boolean ended = facts.stream().peek(f -> examined++).anyMatch(f -> f.isAfter(booking)
                    && (f.event() instanceof AppointmentCancelled c && c.appointmentId().equals(id)
                    || f.event() instanceof AppointmentMissed m && m.appointmentId().equals(id)));
            if (!ended) {
                live.add(new LiveAppointment(booking));
            }
        }
        return live;
    }

    /** The latest municipality reported, by occurrence. */
    public String municipality() {
        List<Fact<PathwayEvent>> reports = municipalityReports();
        return reports.isEmpty() ? null : reports.get(reports.size() - 1).event().meta().municipality();
    }

    /**
     * The municipality responsible at {@code t} (docs/security.md, "Responsibility across a move"): the latest
     * reported by an event that occurred at or before {@code t}; if none had been reported by then, the first
     * reported after it. Null when no event names one.
     */
    public String municipalityAt(Instant t) {
        List<Fact<PathwayEvent>> reports = municipalityReports();
        if (reports.isEmpty()) {
            return null;
        }
        int after = 0; // the first report after t, by binary search
        int end = reports.size();
        while (after < end) {
            int middle = (after + end) >>> 1;
            if (reports.get(middle).occurredAt().isAfter(t)) {
                end = middle;
            } else {
                after = middle + 1;
            }
        }
        return reports.get(Math.max(after - 1, 0)).event().meta().municipality();
    }

    /** The facts that name a municipality, in order of occurrence; found once per evaluation. */
    private List<Fact<PathwayEvent>> municipalityReports() {
        if (municipalityReports == null) {
            municipalityReports = facts.stream().filter(f -> f.event().meta().municipality() != null).toList();
        }
        return municipalityReports;
    }
}
