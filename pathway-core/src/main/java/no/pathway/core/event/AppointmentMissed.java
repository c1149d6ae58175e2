package no.pathway.core.event;

import org.axonframework.serialization.Revision;

/** APPOINTMENT_MISSED: a no-show. */
@Revision("1")
public record AppointmentMissed(EventMeta meta, String appointmentId) implements PathwayEvent {
    @Override
    public AppointmentMissed withMeta(EventMeta other) {
        return new AppointmentMissed(other, appointmentId);
    }
}
