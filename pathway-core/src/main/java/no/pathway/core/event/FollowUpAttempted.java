package no.pathway.core.event;

import org.axonframework.serialization.Revision;

/**
 * FOLLOW_UP_ATTEMPTED: a coordinator tried to follow a gap up (a call, a visit, a message) and says how it went: one
 * entry of the gap's call log. Recorded by the service (source: the coordinator's client) on the gap's pathway.
 * Rules ignore it: an attempt is not the appointment or contact that closes a gap.
 *
 * @param note        optional free text (no identity number), or null
 * @param attemptedBy the coordinator's token subject
 */
@Revision("1")
public record FollowUpAttempted(EventMeta meta, String gapId, FollowUpOutcome outcome, String note,
                                String attemptedBy) implements PathwayEvent, PersonAction {
    @Override
    public FollowUpAttempted withMeta(EventMeta other) {
        return new FollowUpAttempted(other, gapId, outcome, note, attemptedBy);
    }
}
