package no.pathway.core.event;

import org.axonframework.serialization.Revision;

/** APPOINTMENT_BOOKED: booking an existing appointment id again reschedules it. */
@Revision("1")
public record AppointmentBooked(EventMeta meta, String appointmentId, Setting setting, java.time.Instant scheduledAt, String provider) implements PathwayEvent {
    @Override
    public AppointmentBooked withMeta(EventMeta other) {
        return new AppointmentBooked(other, appointmentId, setting, scheduledAt, provider);
    }
}
