package no.pathway.core.event;

import org.axonframework.serialization.Revision;

/** EVENT_RETRACTED: withdraws an earlier event of the same source; the retracted event stays in the history. */
@Revision("1")
public record EventRetracted(EventMeta meta, String retractedEventId, String reason) implements PathwayEvent {
    /** The identity of the event this withdraws: a retraction names an event of its own source. */
    public String retractedKey() {
        return EventMeta.key(meta.source(), retractedEventId);
    }

    @Override
    public EventRetracted withMeta(EventMeta other) {
        return new EventRetracted(other, retractedEventId, reason);
    }
}
