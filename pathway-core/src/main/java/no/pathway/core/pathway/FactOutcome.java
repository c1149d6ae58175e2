package no.pathway.core.pathway;

import java.time.Instant;

/**
 * What the pathway made of one fact of {@link RecordFacts}: recorded at {@code sequence} and {@code recordedAt},
 * or refused with {@code refusal} (a retraction that names no event its source posted here, or names a
 * retraction) and nothing recorded, or refused because the pathway is full ({@code fullAt}: the limit it
 * reached).
 */
public record FactOutcome(long sequence, Instant recordedAt, String refusal, int fullAt) {

    public static FactOutcome recorded(long sequence, Instant recordedAt) {
        return new FactOutcome(sequence, recordedAt, null, 0);
    }

    public static FactOutcome refused(String refusal) {
        return new FactOutcome(-1, null, refusal, 0);
    }

    /** Refused: the pathway holds {@code limit} events, the most it may hold. */
    public static FactOutcome full(int limit) {
        return new FactOutcome(-1, null, "the pathway holds the most events it may hold", limit);
    }

    public boolean isFull() {
        return fullAt > 0;
    }

    public boolean isRecorded() {
        return refusal == null;
    }
}
