package no.pathway.core.event;

import org.axonframework.serialization.Revision;

/** HANDOVER_ACCEPTED: the receiving service confirms it takes over. */
@Revision("1")
public record HandoverAccepted(EventMeta meta, String handoverId) implements PathwayEvent {
    @Override
    public HandoverAccepted withMeta(EventMeta other) {
        return new HandoverAccepted(other, handoverId);
    }
}
