package no.pathway.core.event;

import org.axonframework.serialization.Revision;

/** APPOINTMENT_ATTENDED. */
@Revision("1")
public record AppointmentAttended(EventMeta meta, String appointmentId) implements PathwayEvent {
    @Override
    public AppointmentAttended withMeta(EventMeta other) {
        return new AppointmentAttended(other, appointmentId);
    }
}
