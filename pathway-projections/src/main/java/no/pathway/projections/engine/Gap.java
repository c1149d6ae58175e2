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
 * @param excludedBy    the event that excluded it (the death or the readmission), with {@code excludedAt}
 *
 * <p>Fifteen and more values read best by name: build one with {@link #builder()}.
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
        String excludedBy,
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

    public static Builder builder() {
        return new Builder();
    }

    /** A gap by named parts: which rule under which version, the trigger, the outcome, the context. */
    public static final class Builder {
        private String gapId;
        private String pathwayId;
        private GapRule rule;
        private String ruleVersion;
        private long deadlineMinutes;
        private String triggeredBy;
        private String triggerSource;
        private Instant openedAt;
        private Instant dueAt;
        private Instant closedAt;
        private String closedBy;
        private Instant excludedAt;
        private String excludedBy;
        private Exclusion reason;
        private String municipality;
        private String detail;

        private Builder() {
        }

        public Builder id(String gapId, String pathwayId) {
            this.gapId = gapId;
            this.pathwayId = pathwayId;
            return this;
        }

        /** The rule, the version it was judged by and the deadline in force at the trigger. */
        public Builder rule(GapRule rule, String version, long deadlineMinutes) {
            this.rule = rule;
            this.ruleVersion = version;
            this.deadlineMinutes = deadlineMinutes;
            return this;
        }

        /** The triggering event (by source and id), when it occurred and when the gap is due. */
        public Builder trigger(String source, String eventId, Instant openedAt, Instant dueAt) {
            this.triggerSource = source;
            this.triggeredBy = eventId;
            this.openedAt = openedAt;
            this.dueAt = dueAt;
            return this;
        }

        public Builder closed(Instant at, String by) {
            this.closedAt = at;
            this.closedBy = by;
            return this;
        }

        public Builder excluded(Instant at, String by, Exclusion reason) {
            this.excludedAt = at;
            this.excludedBy = by;
            this.reason = reason;
            return this;
        }

        public Builder context(String municipality, String detail) {
            this.municipality = municipality;
            this.detail = detail;
            return this;
        }

        public Gap build() {
            return new Gap(gapId, pathwayId, rule, ruleVersion, deadlineMinutes, triggeredBy, triggerSource, openedAt,
                    dueAt, closedAt, closedBy, excludedAt, excludedBy, reason, municipality, detail);
        }
    }
}
