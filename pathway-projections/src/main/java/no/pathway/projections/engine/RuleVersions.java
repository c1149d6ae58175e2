package no.pathway.projections.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rule versions by date of effect: a version in force from D judges the triggers that occurred at or after D
 * (until the next version's D). A gap records the version and deadline in force at its trigger, so a deadline
 * changed from D on leaves the gaps triggered before D as they were, and a rebuild gives the same history.
 * Triggers before the first version's date are judged by the first version.
 */
public final class RuleVersions {
    /** One version and the instant it takes effect. */
    public record Version(Instant effectiveFrom, RuleSet rules) {
    }

    private final List<Version> versions;
    private final TreeMap<Instant, RuleSet> byStart = new TreeMap<>();

    public RuleVersions(List<Version> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("at least one rule version is needed");
        }
        List<Version> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(Version::effectiveFrom));
        Set<String> names = new HashSet<>();
        for (Version v : sorted) {
            if (!names.add(v.rules().version())) {
                throw new IllegalArgumentException("rule version " + v.rules().version() + " is listed twice");
            }
            if (byStart.put(v.effectiveFrom(), v.rules()) != null) {
                throw new IllegalArgumentException("two rule versions take effect at " + v.effectiveFrom());
            }
        }
        this.versions = List.copyOf(sorted);
    }

    /** One version, in force for every trigger. */
    public static RuleVersions single(RuleSet rules) {
        return new RuleVersions(List.of(new Version(Instant.MIN, rules)));
    }

    /** The versions, earliest first. */
    public List<Version> versions() {
        return versions;
    }

    /** The version in force for a trigger that occurred at {@code t}. */
    public RuleSet at(Instant t) {
        Map.Entry<Instant, RuleSet> entry = byStart.floorEntry(t);
        return entry == null ? byStart.firstEntry().getValue() : entry.getValue();
    }

    /** The longest deadline of a rule in any version. */
    public Duration longestDeadline(GapRule rule) {
        return versions.stream().map(v -> v.rules().deadline(rule)).max(Duration::compareTo).orElseThrow();
    }
}
