package no.pathway.api.ingest;

import no.pathway.core.event.PathwayEvent;

/** A valid fact, ready to record: its pathway, the fact without recording time, and a hash of its content. */
record ParsedFact(String pathwayId, PathwayEvent fact, String contentHash) {
}
