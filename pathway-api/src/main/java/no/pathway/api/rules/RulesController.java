package no.pathway.api.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.pathway.core.event.FactType;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.Exclusion;
import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.engine.GapRule;
import no.pathway.projections.engine.Rule;
import no.pathway.projections.engine.RuleCatalogue;
import no.pathway.projections.engine.RuleVersions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rule catalogue with the versions in force (docs/gap-rules.md): what each rule says and where it comes from,
 * what triggers it, what satisfies it, what excludes it, and its deadline in each version by date of effect. No
 * personal data, so every role may read it (docs/api.md): coordinators and auditors to read gaps, a source system
 * to know what its events trigger, an operator to see what is configured.
 */
@RestController
@RequestMapping("/api/v1")
public class RulesController {

    /** The catalogue: every rule in the order of gap-rules.md, and the versions by date of effect. */
    public record Catalogue(List<VersionView> versions, List<RuleView> rules) {
    }

    /** A version; {@code effectiveFrom} absent for the base version, in force from the beginning. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionView(String version, Instant effectiveFrom) {
    }

    /** A rule's deadline in one version. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Deadline(String version, Instant effectiveFrom, Duration deadline) {
    }

    public record Trigger(FactType eventType, String condition) {
    }

    /** What satisfies the rule; {@code lookBack} absent when an event any time before the trigger counts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Expected(String words, List<FactType> eventTypes, List<Setting> settings, Duration lookBack) {
    }

    public record RuleView(int number, GapRule rule, String text, List<String> sources, Trigger trigger,
                           Expected expected, List<Exclusion> exclusions, List<Deadline> versions) {
    }

    private final RuleVersions versions;

    RulesController(GapEngine engine) {
        this.versions = engine.versions();
    }

    @GetMapping("/rules")
    public Catalogue rules() {
        List<VersionView> all = versions.versions().stream()
                .map(v -> new VersionView(v.rules().version(), effectiveFrom(v))).toList();
        return new Catalogue(all, RuleCatalogue.all().stream().map(this::view).toList());
    }

    private RuleView view(Rule rule) {
        List<Exclusion> exclusions = new ArrayList<>(List.of(Exclusion.DIED));
        if (rule.excludedByReadmission()) {
            exclusions.add(Exclusion.READMITTED);
        }
        Rule.Expected x = rule.expected();
        return new RuleView(rule.number(), rule.id(), rule.text(), rule.sources(),
                new Trigger(rule.trigger().eventType(), rule.trigger().words()),
                new Expected(x.words(), x.eventTypes(), x.settings().stream().sorted().toList(), x.lookBack()),
                exclusions, versions.versions().stream().map(v -> new Deadline(v.rules().version(), effectiveFrom(v),
                        v.rules().deadline(rule.id()))).toList());
    }

    private static Instant effectiveFrom(RuleVersions.Version v) {
        return v.effectiveFrom().equals(Instant.MIN) ? null : v.effectiveFrom();
    }
}
