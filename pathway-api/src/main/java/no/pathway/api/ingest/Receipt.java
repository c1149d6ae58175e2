package no.pathway.api.ingest;

import java.time.Instant;

/** The answer given when an event was stored, kept so that a retry gets the very same answer. */
public record Receipt(String eventId, String pathwayId, long sequence, Instant recordedAt) {
}
