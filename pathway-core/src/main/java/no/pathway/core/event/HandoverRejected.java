package no.pathway.core.event;

import org.axonframework.serialization.Revision;

/** HANDOVER_REJECTED: the receiving service declines. */
@Revision("1")
public record HandoverRejected(EventMeta meta, String handoverId, String reason) implements PathwayEvent {
    @Override
    public HandoverRejected withMeta(EventMeta other) {
        return new HandoverRejected(other, handoverId, reason);
    }
}
