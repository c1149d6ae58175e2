package no.pathway.core.event;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The wire names of events.md (and the service's own coordinator actions) and the record each one becomes. */
public enum FactType {
    EPISODE_STARTED(EpisodeStarted.class),
    EPISODE_ENDED(EpisodeEnded.class),
    HANDOVER_SENT(HandoverSent.class),
    HANDOVER_ACCEPTED(HandoverAccepted.class),
    HANDOVER_REJECTED(HandoverRejected.class),
    APPOINTMENT_BOOKED(AppointmentBooked.class),
    APPOINTMENT_CANCELLED(AppointmentCancelled.class),
    APPOINTMENT_ATTENDED(AppointmentAttended.class),
    APPOINTMENT_MISSED(AppointmentMissed.class),
    HOUSING_RECORDED(HousingRecorded.class),
    ACTIVITY_RECORDED(ActivityRecorded.class),
    CONTACT_ASSIGNED(ContactAssigned.class),
    OVERDOSE_RECORDED(OverdoseRecorded.class),
    PERSON_DIED(PersonDied.class),
    EVENT_RETRACTED(EventRetracted.class),
    /** Recorded by the service when a coordinator acknowledges a gap; never posted by a source. */
    GAP_ACKNOWLEDGED(GapAcknowledged.class),
    /** Recorded by the service when a coordinator assigns a gap; never posted by a source. */
    GAP_ASSIGNED(GapAssigned.class),
    /** Recorded by the service when a coordinator records a follow-up attempt on a gap; never posted by a source. */
    FOLLOW_UP_ATTEMPTED(FollowUpAttempted.class);

    private static final Map<Class<?>, FactType> BY_CLASS =
            Stream.of(values()).collect(Collectors.toMap(t -> t.recordClass, Function.identity()));

    private final Class<? extends PathwayEvent> recordClass;

    FactType(Class<? extends PathwayEvent> recordClass) {
        this.recordClass = recordClass;
    }

    public static FactType of(PathwayEvent event) {
        return BY_CLASS.get(event.getClass());
    }
}
