package no.pathway.api.ingest;

import no.pathway.core.event.PathwayEvent;
import no.pathway.core.value.PersonId;

/**
 * A valid fact, ready to record, whatever format it came in: its pathway, the person it is about (for the identity
 * vault only; null for facts the service records itself), and the fact without recording time.
 */
public record ParsedFact(String pathwayId, PersonId person, PathwayEvent fact) {
}
