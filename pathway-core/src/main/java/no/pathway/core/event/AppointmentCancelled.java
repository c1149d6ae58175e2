package no.pathway.core.event;

import org.axonframework.serialization.Revision;

/** APPOINTMENT_CANCELLED. */
@Revision("1")
public record AppointmentCancelled(EventMeta meta, String appointmentId) implements PathwayEvent {
    @Override
    public AppointmentCancelled withMeta(EventMeta other) {
        return new AppointmentCancelled(other, appointmentId);
    }
}
