package no.pathway.core.event;

import org.axonframework.serialization.Revision;

/**
 * GAP_ASSIGNED: a coordinator made a gap someone's task, their own or a colleague's. Recorded by the service (source:
 * the coordinator's client) on the gap's pathway; the latest one counts. Rules ignore it.
 *
 * @param assignee   the token subject of the coordinator who now has the gap (never a national identity number)
 * @param assignedBy the token subject of the coordinator who assigned it
 */
@Revision("1")
public record GapAssigned(EventMeta meta, String gapId, String assignee, String assignedBy)
        implements PathwayEvent, PersonAction {
    @Override
    public GapAssigned withMeta(EventMeta other) {
        return new GapAssigned(other, gapId, assignee, assignedBy);
    }
}
