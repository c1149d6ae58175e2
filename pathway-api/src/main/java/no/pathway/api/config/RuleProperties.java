package no.pathway.api.config;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.pathway.projections.engine.GapRule;
import no.pathway.projections.engine.RuleSet;
import no.pathway.projections.engine.RuleVersions;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gap rules in force, by date of effect (docs/gap-rules.md, "Rule versions"):
 * <ul>
 *   <li>{@code pathway.rules.version} and {@code pathway.rules.deadlines.RULE_NAME=PT24H}: the base version, in force
 *   from the beginning; rules without a configured deadline keep the default of gap-rules.md;</li>
 *   <li>{@code pathway.rules.versions[i].version}, {@code .effective-from} (a date: the version judges the triggers
 *   that occur from the start of that day in Norway, Europe/Oslo, on) and {@code .deadlines.RULE_NAME}: later
 *   versions; each keeps the deadlines of the version before it that it does not name.</li>
 * </ul>
 */
@ConfigurationProperties("pathway.rules")
public record RuleProperties(String version, Map<GapRule, Duration> deadlines, List<Version> versions) {
    /** Dates of effect are Norwegian dates: a version from 1 March takes effect at midnight in Oslo. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    /** A later version: its name, the date it takes effect and the deadlines it changes. */
    public record Version(String version, LocalDate effectiveFrom, Map<GapRule, Duration> deadlines) {
        public Version {
            deadlines = deadlines == null ? Map.of() : deadlines;
        }
    }

    public RuleProperties {
        version = version == null ? RuleSet.DEFAULT_VERSION : version;
        deadlines = deadlines == null ? Map.of() : deadlines;
        versions = versions == null ? List.of() : versions;
    }

    /** The versions with their instants of effect; a misconfigured one stops the application from starting. */
    public RuleVersions toVersions() {
        List<RuleVersions.Version> all = new ArrayList<>();
        RuleSet base = new RuleSet(version, deadlines);
        all.add(new RuleVersions.Version(Instant.MIN, base));
        List<Version> later = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            Version v = versions.get(i);
            if (v.version() == null || v.version().isBlank()) {
                throw new IllegalArgumentException("pathway.rules.versions[" + i + "].version is required");
            }
            if (v.effectiveFrom() == null) {
                throw new IllegalArgumentException("pathway.rules.versions[" + i + "].effective-from is required");
            }
            later.add(v);
        }
        later.sort(Comparator.comparing(Version::effectiveFrom));
        RuleSet previous = base;
        for (Version v : later) {
            Map<GapRule, Duration> inForce = new EnumMap<>(previous.deadlines());
            inForce.putAll(v.deadlines());
            previous = new RuleSet(v.version(), inForce);
            all.add(new RuleVersions.Version(v.effectiveFrom().atStartOfDay(ZONE).toInstant(), previous));
        }
        return new RuleVersions(all);
    }
}
