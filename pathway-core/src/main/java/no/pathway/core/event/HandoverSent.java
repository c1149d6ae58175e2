package no.pathway.core.event;

import org.axonframework.serialization.Revision;

/** HANDOVER_SENT: a referral or notice to the next service. */
@Revision("1")
public record HandoverSent(EventMeta meta, String handoverId, Setting fromSetting, Setting toSetting, String toProvider) implements PathwayEvent {
    @Override
    public HandoverSent withMeta(EventMeta other) {
        return new HandoverSent(other, handoverId, fromSetting, toSetting, toProvider);
    }
}
