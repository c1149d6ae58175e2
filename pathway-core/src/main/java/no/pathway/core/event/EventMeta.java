package no.pathway.core.event;

import java.time.Instant;

/**
 * What every fact carries besides its own fields. {@code source} is the authenticated source system and,
 * with {@code eventId}, the idempotency key. {@code recordedAt} is stamped by the pathway when it stores the
 * fact; {@code occurredAt} is when it happened in the real world. No national identity number, ever.
 */
public record EventMeta(
        String eventId,
        String source,
        Instant occurredAt,
        Instant recordedAt,
        String municipality,
        String reportedBy) {

    /** The event's identity: event ids are unique per source only. */
    public static String key(String source, String eventId) {
        return source + ' ' + eventId;
    }

    public EventMeta withRecordedAt(Instant instant) {
        return new EventMeta(eventId, source, occurredAt, instant, municipality, reportedBy);
    }
}
