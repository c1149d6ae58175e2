package no.pathway.projections.engine;

import java.time.Duration;
import java.time.Instant;
import no.pathway.core.event.*;

/** Terse builders for the engine's table tests. Times are hours from T; the episode id is the setting's name. */
final class Facts {
    static final Instant T = Instant.parse("2026-03-02T08:00:00Z");
    static final String SOURCE = "src";

    private Facts() {
    }

    static Instant h(double hours) {
        return T.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    static EventMeta meta(String eventId, Instant at) {
        return new EventMeta(eventId, SOURCE, at, at, null, null);
    }

    static EpisodeStarted started(String eventId, Setting setting, Instant at) {
        return new EpisodeStarted(meta(eventId, at), setting.name(), setting, null);
    }

    static EpisodeStarted started(String eventId, String episodeId, Setting setting, Instant at) {
        return new EpisodeStarted(meta(eventId, at), episodeId, setting, null);
    }

    static EpisodeEnded ended(String eventId, Setting setting, EndReason reason, Instant at) {
        return new EpisodeEnded(meta(eventId, at), setting.name(), setting, reason);
    }

    static HandoverSent sent(String eventId, String handoverId, Setting from, Setting to, Instant at) {
        return new HandoverSent(meta(eventId, at), handoverId, from, to, null);
    }

    static HandoverAccepted accepted(String eventId, String handoverId, Instant at) {
        return new HandoverAccepted(meta(eventId, at), handoverId);
    }

    static HandoverRejected rejected(String eventId, String handoverId, Instant at) {
        return new HandoverRejected(meta(eventId, at), handoverId, null);
    }

    static AppointmentBooked booked(String eventId, String appointmentId, Setting setting, Instant scheduledAt,
                                    Instant at) {
        return new AppointmentBooked(meta(eventId, at), appointmentId, setting, scheduledAt, null);
    }

    static AppointmentCancelled cancelled(String eventId, String appointmentId, Instant at) {
        return new AppointmentCancelled(meta(eventId, at), appointmentId);
    }

    static AppointmentMissed missed(String eventId, String appointmentId, Instant at) {
        return new AppointmentMissed(meta(eventId, at), appointmentId);
    }

    static AppointmentAttended attended(String eventId, String appointmentId, Instant at) {
        return new AppointmentAttended(meta(eventId, at), appointmentId);
    }

    static HousingRecorded housing(String eventId, Housing housing, Instant at) {
        return new HousingRecorded(meta(eventId, at), housing);
    }

    static ActivityRecorded activity(String eventId, Instant at) {
        return new ActivityRecorded(meta(eventId, at), Activity.WORK_TRAINING);
    }

    static ContactAssigned contact(String eventId, Setting setting, Instant at) {
        return new ContactAssigned(meta(eventId, at), setting, ContactRole.CONTACT_PERSON);
    }

    static OverdoseRecorded overdose(String eventId, boolean fatal, Instant at) {
        return new OverdoseRecorded(meta(eventId, at), fatal);
    }

    static PersonDied died(String eventId, Instant at) {
        return new PersonDied(meta(eventId, at));
    }

    static EventRetracted retracted(String eventId, String target, Instant at) {
        return new EventRetracted(meta(eventId, at), target, "entered in error");
    }

    /** The same fact, recorded at another time (for knownAt). */
    static PathwayEvent recordedAt(PathwayEvent e, Instant recordedAt) {
        return e.withMeta(e.meta().withRecordedAt(recordedAt));
    }

    static PathwayEvent in(PathwayEvent e, String municipality) {
        EventMeta m = e.meta();
        return e.withMeta(new EventMeta(m.eventId(), m.source(), m.occurredAt(), m.recordedAt(), municipality,
                m.reportedBy()));
    }
}
