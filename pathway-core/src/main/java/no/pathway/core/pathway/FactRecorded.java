package no.pathway.core.pathway;

import java.time.Instant;

/** The answer to {@link RecordFact}: where the fact now stands on its pathway. */
public record FactRecorded(String pathwayId, long sequence, Instant recordedAt) {
}
