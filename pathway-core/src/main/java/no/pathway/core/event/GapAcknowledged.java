package no.pathway.core.event;

import org.axonframework.serialization.Revision;

/**
 * GAP_ACKNOWLEDGED: a coordinator saw a gap and says what they are doing. Recorded by the service (source: the
 * coordinator's client), on the gap's pathway, so it replays and shows in the history. Rules ignore it.
 *
 * @param acknowledgedBy the coordinator's token subject (never a national identity number)
 */
@Revision("1")
public record GapAcknowledged(EventMeta meta, String gapId, String note, String acknowledgedBy)
        implements PathwayEvent, PersonAction {
    @Override
    public GapAcknowledged withMeta(EventMeta other) {
        return new GapAcknowledged(other, gapId, note, acknowledgedBy);
    }
}
