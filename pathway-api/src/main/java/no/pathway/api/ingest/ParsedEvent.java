package no.pathway.api.ingest;

import no.pathway.core.event.PathwayEvent;
import no.pathway.core.value.PersonId;

/**
 * A valid event, ready to record, whatever format it came in: its pathway, the person it is about (for the identity
 * vault only; null for events the service records itself), and the event without recording time.
 */
public record ParsedEvent(String pathwayId, PersonId person, PathwayEvent event) {
}
