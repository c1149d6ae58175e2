package no.pathway.projections.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One rule applied to one triggering event, as judged from what was seen. {@code closedAt} and
 * {@code excludedAt} are facts (when it was satisfied, when it stopped applying); the status follows from them
 * and the time of judgement, so a stored gap turns {@code OPEN} on the clock alone.
 *
 * @param triggerSource the source system of the trigger (event ids are unique per source only)
 * @param excludedAt    set only when the exclusion came before any satisfaction
 */
public record Gap(
        String gapId,
        String pathwayId,
        GapRule rule,
        String ruleVersion,
        long deadlineMinutes,
        String triggeredBy,
        String triggerSource,
        Instant openedAt,
        Instant dueAt,
        Instant closedAt,
        String closedBy,
        Instant excludedAt,
        Exclusion reason,
        String municipality,
        String detail) {

    public GapStatus statusAt(Instant at) {
        if (closedAt != null && !closedAt.isAfter(at)) {
            return GapStatus.CLOSED;
        }
        if (excludedAt != null && !excludedAt.isAfter(at)) {
            return GapStatus.NOT_APPLICABLE;
        }
        return at.isAfter(dueAt) ? GapStatus.OPEN : GapStatus.PROSPECTIVE;
    }

    public boolean late() {
        return closedAt != null && closedAt.isAfter(dueAt);
    }

    /** Deterministic: the same pathway, rule and trigger give the same id, so a replay gives the same ids. */
    public static String idOf(String pathwayId, GapRule rule, String triggerSource, String triggerEventId) {
        String key = pathwayId + '\n' + rule + '\n' + triggerSource + '\n' + triggerEventId;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
