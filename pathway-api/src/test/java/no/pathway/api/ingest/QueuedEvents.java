package no.pathway.api.ingest;

import java.time.Instant;
import no.pathway.core.event.EventMeta;
import no.pathway.core.event.GapAcknowledged;
import no.pathway.core.value.PersonId;

/** Queued events for the write path's unit tests: the content is beside the point, the keys and pathways are not. */
final class QueuedEvents {
    static final PersonId PERSON = PersonId.of("02828404892", true);

    private QueuedEvents() {
    }

    static WriteQueue.Item item(String source, String eventId, String pathwayId) {
        return item(source, eventId, pathwayId, "hash-" + eventId);
    }

    static WriteQueue.Item item(String source, String eventId, String pathwayId, String contentHash) {
        GapAcknowledged event = new GapAcknowledged(new EventMeta(eventId, source,
                Instant.parse("2026-03-02T12:00:00Z"), null, null, null), "gap", null, "coordinator");
        return new WriteQueue.Item(source, new ParsedEvent(pathwayId, PERSON, event), contentHash);
    }
}
