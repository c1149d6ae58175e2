package no.pathway.api.ingest;

import java.time.Clock;
import java.time.Instant;
import no.pathway.api.http.InvalidRequest;
import no.pathway.api.identity.PathwayIds;
import no.pathway.core.event.*;
import no.pathway.core.value.PersonId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns one posted JSON object into an event, or an {@link InvalidRequest} naming every field at fault. This is the
 * public contract of events.md in code: field names, required fields and value rules per type.
 */
@Component
public class EventParser {
    private final IngestProperties properties;
    private final PathwayIds pathwayIds;
    private final Clock clock;

    EventParser(IngestProperties properties, PathwayIds pathwayIds, Clock clock) {
        this.properties = properties;
        this.pathwayIds = pathwayIds;
        this.clock = clock;
    }

    ParsedEvent parse(JsonNode node, String source) {
        if (node == null || !node.isObject()) {
            throw new InvalidRequest("(event)", "must be a JSON object");
        }
        EventReader r = new EventReader(node, clock.instant());
        String eventId = r.id("eventId", true);
        FactType type = r.choice("type", FactType.class, true);
        PersonId person = person(r);
        String pathwayId = person == null ? null : pathwayIds.of(person);
        Instant occurredAt = r.occurrence("occurredAt", properties.maxFutureSkew());
        EventMeta meta = new EventMeta(eventId, source, occurredAt, null,
                r.municipality("municipality", false), r.organisation("reportedBy", false));
        PathwayEvent event = type == null ? null : read(type, meta, r);
        if (type != null) {
            r.rejectUnread(type.name());
        }
        if (!r.problems().isEmpty()) {
            throw new InvalidRequest(r.problems());
        }
        return new ParsedEvent(pathwayId, person, event);
    }

    private PersonId person(EventReader r) {
        String personId = r.string("personId", true);
        if (personId == null) {
            return null;
        }
        var problem = PersonId.problem(personId, properties.acceptSyntheticPersonIds());
        if (problem.isPresent()) {
            r.problem("personId", problem.get());
            return null;
        }
        return PersonId.of(personId, properties.acceptSyntheticPersonIds());
    }

    private static PathwayEvent read(FactType type, EventMeta m, EventReader r) {
        return switch (type) {
            case EPISODE_STARTED -> new EpisodeStarted(m, r.id("episodeId", true),
                    r.choice("setting", Setting.class, true), r.organisation("provider", false));
            case EPISODE_ENDED -> new EpisodeEnded(m, r.id("episodeId", true),
                    r.choice("setting", Setting.class, true), r.choice("endReason", EndReason.class, true));
            case HANDOVER_SENT -> new HandoverSent(m, r.id("handoverId", true),
                    r.choice("fromSetting", Setting.class, true), r.choice("toSetting", Setting.class, true),
                    r.organisation("toProvider", false));
            case HANDOVER_ACCEPTED -> new HandoverAccepted(m, r.id("handoverId", true));
            case HANDOVER_REJECTED -> new HandoverRejected(m, r.id("handoverId", true), r.text("reason", false));
            case APPOINTMENT_BOOKED -> new AppointmentBooked(m, r.id("appointmentId", true),
                    r.choice("setting", Setting.class, true), r.schedule("scheduledAt"),
                    r.organisation("provider", false));
            case APPOINTMENT_CANCELLED -> new AppointmentCancelled(m, r.id("appointmentId", true));
            case APPOINTMENT_ATTENDED -> new AppointmentAttended(m, r.id("appointmentId", true));
            case APPOINTMENT_MISSED -> new AppointmentMissed(m, r.id("appointmentId", true));
            case HOUSING_RECORDED -> new HousingRecorded(m, r.choice("housing", Housing.class, true));
            case ACTIVITY_RECORDED -> new ActivityRecorded(m, r.choice("activity", Activity.class, true));
            case CONTACT_ASSIGNED -> new ContactAssigned(m, r.choice("setting", Setting.class, true),
                    r.choice("role", ContactRole.class, true));
            case OVERDOSE_RECORDED -> new OverdoseRecorded(m, r.bool("fatal"));
            case PERSON_DIED -> new PersonDied(m);
            case EVENT_RETRACTED -> new EventRetracted(m, r.id("retractedEventId", true), r.text("reason", true));
            case GAP_ACKNOWLEDGED -> {
                r.problem("type", "GAP_ACKNOWLEDGED is recorded by the service (POST /api/v1/gaps/{gapId}/acknowledge)");
                yield null;
            }
            case GAP_ASSIGNED -> {
                r.problem("type", "GAP_ASSIGNED is recorded by the service (POST /api/v1/gaps/{gapId}/assignment)");
                yield null;
            }
            case FOLLOW_UP_ATTEMPTED -> {
                r.problem("type", "FOLLOW_UP_ATTEMPTED is recorded by the service "
                        + "(POST /api/v1/gaps/{gapId}/follow-up-attempts)");
                yield null;
            }
        };
    }
}
