package no.pathway.api.config;

import java.time.Duration;
import java.util.Map;
import no.pathway.projections.engine.GapRule;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gap rules in force: {@code pathway.rules.version} and {@code pathway.rules.deadlines.RULE_NAME=PT24H}.
 * Rules without a configured deadline keep the default of gap-rules.md.
 */
@ConfigurationProperties("pathway.rules")
public record RuleProperties(String version, Map<GapRule, Duration> deadlines) {
    public RuleProperties {
        deadlines = deadlines == null ? Map.of() : deadlines;
    }
}
