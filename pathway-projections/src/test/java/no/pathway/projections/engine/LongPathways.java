package no.pathway.projections.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import no.pathway.core.event.Activity;
import no.pathway.core.event.ActivityRecorded;
import no.pathway.core.event.AppointmentBooked;
import no.pathway.core.event.AppointmentMissed;
import no.pathway.core.event.ContactAssigned;
import no.pathway.core.event.ContactRole;
import no.pathway.core.event.EndReason;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.EventMeta;
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

/** Long pathways of repeated patterns, the shapes a hostile or a very busy source can post (issue 12, finding 4). */
public final class LongPathways {
    private static final Instant T = Instant.parse("2026-01-05T08:00:00Z");

    /** A named way to build a pathway of about n events. */
    public record Shape(String name, IntFunction<List<PathwayEvent>> build) {
        @Override
        public String toString() {
            return name;
        }
    }

    private LongPathways() {
    }

    public static List<Shape> shapes() {
        return List.of(
                new Shape("booked+missed pairs", n -> pairs(n, Setting.OUTPATIENT)),
                new Shape("booked+missed pairs in prison", n -> pairs(n, Setting.PRISON)),
                new Shape("booked+missed pairs posted newest first", n -> newestFirst(pairs(n, Setting.OUTPATIENT))),
                new Shape("booked+missed pairs after a death", LongPathways::afterDeath),
                new Shape("everything at one instant", n -> oneInstant(pairs(n, Setting.OUTPATIENT))),
                new Shape("handovers sent and rejected", LongPathways::rejectedHandovers),
                new Shape("overdoses with follow-up", LongPathways::overdoses),
                new Shape("stays with discharges", LongPathways::stays),
                new Shape("handovers rejected, sent again and accepted", LongPathways::resentHandovers),
                new Shape("bookings retracted and posted again", LongPathways::retractedBookings));
    }

    /** Booked and missed appointments, one pair every two hours, each missed one rebooked by the next booking. */
    public static List<PathwayEvent> pairs(int n, Setting setting) {
        List<PathwayEvent> events = new ArrayList<>();
        for (int k = 0; events.size() < n; k++) {
            Instant t = T.plus(Duration.ofHours(2L * k));
            events.add(new AppointmentBooked(meta("b" + k, t), "a" + k, setting, t.plusSeconds(3600), null));
            events.add(new AppointmentMissed(meta("m" + k, t.plusSeconds(3600)), "a" + k));
        }
        return events;
    }

    /** A realistic long pathway: stays, handovers, housing, contacts, activities, appointments kept and missed. */
    public static List<PathwayEvent> realistic(int n) {
        List<PathwayEvent> events = new ArrayList<>();
        for (int k = 0; events.size() < n; k++) {
            Instant t = T.plus(Duration.ofDays(3L * k));
            Setting stay = k % 3 == 0 ? Setting.DETOX : k % 3 == 1 ? Setting.RESIDENTIAL : Setting.PRISON;
            events.add(new EpisodeStarted(meta("s" + k, t), "ep" + k, stay, null));
            events.add(new HandoverSent(meta("hs" + k, t.plusSeconds(3600)), "h" + k, stay, Setting.MUNICIPALITY,
                    null));
            events.add(new HousingRecorded(meta("hr" + k, t.plusSeconds(7200)),
                    k % 2 == 0 ? Housing.TEMPORARY : Housing.OWN));
            events.add(new EpisodeEnded(meta("e" + k, t.plus(Duration.ofDays(1))), "ep" + k, stay,
                    EndReason.COMPLETED));
            Instant after = t.plus(Duration.ofDays(1)).plusSeconds(600);
            events.add(new AppointmentBooked(meta("b" + k, after), "a" + k, Setting.OUTPATIENT,
                    after.plus(Duration.ofHours(20)), null));
            if (k % 2 == 0) {
                events.add(new AppointmentMissed(meta("m" + k, after.plus(Duration.ofHours(20))), "a" + k));
            }
            events.add(new ContactAssigned(meta("c" + k, after.plus(Duration.ofHours(21))), Setting.MUNICIPALITY,
                    ContactRole.COORDINATOR));
            events.add(new ActivityRecorded(meta("ac" + k, after.plus(Duration.ofHours(30))),
                    Activity.WORK_TRAINING));
        }
        return events;
    }

    private static List<PathwayEvent> afterDeath(int n) {
        List<PathwayEvent> events = new ArrayList<>();
        events.add(new PersonDied(meta("died", T.minusSeconds(60))));
        events.addAll(pairs(n - 1, Setting.OUTPATIENT));
        return events;
    }

    private static List<PathwayEvent> rejectedHandovers(int n) {
        List<PathwayEvent> events = new ArrayList<>();
        for (int k = 0; events.size() < n; k++) {
            Instant t = T.plus(Duration.ofHours(3L * k));
            events.add(new HandoverSent(meta("s" + k, t), "h" + k, Setting.DETOX, Setting.OUTPATIENT, null));
            events.add(new HandoverRejected(meta("r" + k, t.plusSeconds(3600)), "h" + k, null));
        }
        return events;
    }

    private static List<PathwayEvent> resentHandovers(int n) {
        List<PathwayEvent> events = new ArrayList<>();
        for (int k = 0; events.size() < n; k++) {
            Instant t = T.plus(Duration.ofHours(4L * k));
            events.add(new HandoverSent(meta("s" + k, t), "h" + k, Setting.DETOX, Setting.OUTPATIENT, null));
            events.add(new HandoverRejected(meta("r" + k, t.plusSeconds(600)), "h" + k, null));
            events.add(new HandoverSent(meta("t" + k, t.plusSeconds(1200)), "g" + k, Setting.DETOX,
                    Setting.OUTPATIENT, null));
            events.add(new HandoverAccepted(meta("a" + k, t.plusSeconds(1800)), "g" + k));
        }
        return events;
    }

    private static List<PathwayEvent> retractedBookings(int n) {
        List<PathwayEvent> events = new ArrayList<>();
        for (int k = 0; events.size() < n; k++) {
            Instant t = T.plus(Duration.ofHours(2L * k));
            events.add(new OverdoseRecorded(meta("o" + k, t), false));
            events.add(new AppointmentBooked(meta("b" + k, t.plusSeconds(60)), "a" + k, Setting.OUTPATIENT,
                    t.plus(Duration.ofHours(3)), null));
            events.add(new EventRetracted(meta("x" + k, t.plusSeconds(120)), "b" + k, "entered in error"));
            events.add(new AppointmentBooked(meta("c" + k, t.plusSeconds(180)), "a" + k, Setting.OUTPATIENT,
                    t.plus(Duration.ofHours(4)), null));
        }
        return events;
    }

    private static List<PathwayEvent> overdoses(int n) {
        List<PathwayEvent> events = new ArrayList<>();
        for (int k = 0; events.size() < n; k++) {
            Instant t = T.plus(Duration.ofHours(5L * k));
            events.add(new OverdoseRecorded(meta("o" + k, t), false));
            events.add(new AppointmentBooked(meta("b" + k, t.plusSeconds(600)), "a" + k, Setting.MUNICIPALITY,
                    t.plus(Duration.ofHours(30)), null));
        }
        return events;
    }

    private static List<PathwayEvent> stays(int n) {
        List<PathwayEvent> events = new ArrayList<>();
        for (int k = 0; events.size() < n; k++) {
            Instant t = T.plus(Duration.ofDays(2L * k));
            events.add(new EpisodeStarted(meta("s" + k, t), "ep" + k, Setting.RESIDENTIAL, null));
            events.add(new EpisodeEnded(meta("e" + k, t.plus(Duration.ofDays(1))), "ep" + k, Setting.RESIDENTIAL,
                    EndReason.COMPLETED));
        }
        return events;
    }

    /** The same facts posted newest first: each recorded after all of them occurred, in reverse order. */
    private static List<PathwayEvent> newestFirst(List<PathwayEvent> events) {
        List<PathwayEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        Instant start = reversed.get(0).occurredAt().plusSeconds(60);
        List<PathwayEvent> recorded = new ArrayList<>();
        for (int i = 0; i < reversed.size(); i++) {
            PathwayEvent e = reversed.get(i);
            recorded.add(e.withMeta(e.meta().withRecordedAt(start.plusSeconds(i))));
        }
        return recorded;
    }

    private static List<PathwayEvent> oneInstant(List<PathwayEvent> events) {
        List<PathwayEvent> same = new ArrayList<>();
        for (PathwayEvent e : events) {
            EventMeta m = e.meta();
            same.add(e.withMeta(new EventMeta(m.eventId(), m.source(), T, T, m.municipality(), m.reportedBy())));
        }
        return same;
    }

    private static EventMeta meta(String id, Instant at) {
        return new EventMeta(id, "src", at, at, "0301", null);
    }
}
