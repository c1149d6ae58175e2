package no.pathway.projections.engine;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The rule version and the deadlines in force. Deadlines are configuration, not constants; every gap records
 * the version and the deadline it was judged by.
 */
public record RuleSet(String version, Map<GapRule, Duration> deadlines) {
    public static final String DEFAULT_VERSION = "2026.1";

    public RuleSet {
        EnumMap<GapRule, Duration> all = new EnumMap<>(GapRule.class);
        for (GapRule rule : GapRule.values()) {
            Duration deadline = deadlines.getOrDefault(rule, rule.defaultDeadline());
            if (deadline.isNegative()) {
                throw new IllegalArgumentException("deadline of " + rule + " must not be negative");
            }
            all.put(rule, deadline);
        }
        deadlines = Map.copyOf(all);
    }

    public static RuleSet defaults() {
        return new RuleSet(DEFAULT_VERSION, Map.of());
    }

    public Duration deadline(GapRule rule) {
        return deadlines.get(rule);
    }
}
