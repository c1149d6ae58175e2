package no.pathway.api.ingest;

import no.pathway.core.event.PathwayEvent;
import no.pathway.core.value.PersonId;

/**
 * A valid fact, ready to record: its pathway, the person it is about (for the identity vault only; null for facts the
 * service records itself), the fact without recording time, and a hash of its content.
 */
record ParsedFact(String pathwayId, PersonId person, PathwayEvent fact, String contentHash) {
}
