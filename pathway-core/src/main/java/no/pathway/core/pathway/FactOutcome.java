package no.pathway.core.pathway;

import java.time.Instant;

/**
 * What the pathway made of one fact of {@link RecordFacts}: recorded at {@code sequence} and {@code recordedAt},
 * or refused with {@code refusal} (a retraction that names no event its source posted here, or names a
 * retraction) and nothing recorded.
 */
public record FactOutcome(long sequence, Instant recordedAt, String refusal) {

    public static FactOutcome recorded(long sequence, Instant recordedAt) {
        return new FactOutcome(sequence, recordedAt, null);
    }

    public static FactOutcome refused(String refusal) {
        return new FactOutcome(-1, null, refusal);
    }

    public boolean isRecorded() {
        return refusal == null;
    }
}
