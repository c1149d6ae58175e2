package no.pathway.core.event;

import java.time.Instant;

/**
 * A fact recorded on a person's pathway. One record per type of events.md; each record's components besides
 * {@link #meta()} are exactly the type's own fields. Records are never changed once stored: a correction is an
 * {@link EventRetracted}.
 */
public sealed interface PathwayEvent permits
        EpisodeStarted, EpisodeEnded,
        HandoverSent, HandoverAccepted, HandoverRejected,
        AppointmentBooked, AppointmentCancelled, AppointmentAttended, AppointmentMissed,
        HousingRecorded, ActivityRecorded, ContactAssigned,
        OverdoseRecorded, PersonDied, EventRetracted, GapAcknowledged, GapAssigned, FollowUpAttempted {

    EventMeta meta();

    /** The same fact with other metadata; used to stamp the recording time. */
    PathwayEvent withMeta(EventMeta meta);

    default FactType type() {
        return FactType.of(this);
    }

    /** This event's identity ({@link EventMeta#key}). */
    default String key() {
        return EventMeta.key(meta().source(), eventId());
    }

    default String eventId() {
        return meta().eventId();
    }

    default Instant occurredAt() {
        return meta().occurredAt();
    }

    default Instant recordedAt() {
        return meta().recordedAt();
    }
}
