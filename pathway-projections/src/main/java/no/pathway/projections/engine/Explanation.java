package no.pathway.projections.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.pathway.core.event.FactType;
import no.pathway.core.event.Setting;

/**
 * Why a gap is what it is, in words and as data (issue 13, "every gap explains itself"): what triggered it, what
 * would satisfy it, what satisfied or excluded it, and the rule version that judged it. Built from the gap and its
 * rule's catalogue entry alone, so every reader of gaps (the API, the pages, a FHIR DetectedIssue) says the same.
 *
 * @param satisfiedBy the event that satisfied it, only when it is closed at the time asked
 * @param excludedBy  the death or readmission that excluded it, only when it is not applicable at the time asked
 *                    (empty for a gap stored before the read model kept it, until a rebuild)
 * @param summary     one English sentence of all of it
 */
public record Explanation(
        int ruleNumber,
        String ruleVersion,
        Duration deadline,
        Trigger trigger,
        Expected expected,
        String satisfiedBy,
        String excludedBy,
        String summary) {

    /**
     * The triggering event, its type, the rule's condition on it, and the service it happened in where the rule or
     * the gap's record tells ({@link Rule#triggerSetting}; null otherwise).
     */
    public record Trigger(String eventId, FactType eventType, String condition, Setting setting) {
        public static Trigger of(Gap gap) {
            Rule rule = RuleCatalogue.of(gap.rule());
            return new Trigger(gap.triggeredBy(), rule.trigger().eventType(), rule.trigger().words(),
                    rule.triggerSetting(gap));
        }
    }

    /**
     * What would satisfy the rule: in words, the event types and settings that can, and the window in which such
     * an event is on time ({@code windowFrom} absent when any earlier event counts; {@code windowTo} is the due
     * time: a later one still closes the gap, late).
     */
    public record Expected(String words, List<FactType> eventTypes, List<Setting> settings, Instant windowFrom,
                           Instant windowTo) {
    }

    public static Explanation of(Gap gap, GapStatus status) {
        Rule rule = RuleCatalogue.of(gap.rule());
        Rule.Expected expected = rule.expected();
        Instant from = expected.lookBack() == null ? null : gap.openedAt().minus(expected.lookBack());
        List<Setting> settings = expected.settings().stream().sorted().toList();
        String satisfiedBy = status == GapStatus.CLOSED ? gap.closedBy() : null;
        String excludedBy = status == GapStatus.NOT_APPLICABLE ? gap.excludedBy() : null;
        return new Explanation(rule.number(), gap.ruleVersion(), Duration.ofMinutes(gap.deadlineMinutes()),
                Trigger.of(gap),
                new Expected(expected.words(), expected.eventTypes(), settings, from, gap.dueAt()),
                satisfiedBy, excludedBy, summary(rule, gap, status));
    }

    private static String summary(Rule rule, Gap gap, GapStatus status) {
        String opened = "Rule " + rule.number() + " (version " + gap.ruleVersion() + "): "
                + rule.trigger().words() + " (" + rule.trigger().eventType() + " " + gap.triggeredBy() + " at "
                + gap.openedAt() + "); needed by " + gap.dueAt() + ": " + rule.expected().words() + ".";
        return switch (status) {
            case PROSPECTIVE -> opened + " Not satisfied yet; there is still time.";
            case OPEN -> opened + " Not satisfied, and overdue.";
            case CLOSED -> opened + " Satisfied by event " + gap.closedBy() + " at " + gap.closedAt()
                    + (gap.late() ? ", late." : ", on time.");
            case NOT_APPLICABLE -> opened + " No longer applies: " + (gap.reason() == Exclusion.DIED
                    ? "the person died" : "the person was readmitted") + " at " + gap.excludedAt()
                    + (gap.excludedBy() == null ? "." : " (event " + gap.excludedBy() + ").");
        };
    }
}
