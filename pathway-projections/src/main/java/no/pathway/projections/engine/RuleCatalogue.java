package no.pathway.projections.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.pathway.core.event.FactType;

/**
 * The rules of gap-rules.md, in its order: the one place a rule is listed. The engine judges a fact by the rules
 * its event type can trigger, in this order (so the gaps come out in the order of the document); the timeline asks
 * each rule which triggers a fact reaches; {@code GET /api/v1/rules} lists them.
 */
public final class RuleCatalogue {
    private static final List<Rule> RULES = List.of(
            new DetoxNoTreatmentRule(),
            new HousingAtDischargeRule(),
            new HandoverAtDischargeRule(),
            new ContactAfterReleaseRule(),
            new AdmissionNoticeRule(),
            new MunicipalContactRule(),
            new ActivityAfterDischargeRule(),
            new HandoverAcceptanceRule(),
            new RebookingRule(),
            new OverdoseFollowUpRule());

    private static final Map<GapRule, Rule> BY_ID = new EnumMap<>(GapRule.class);
    private static final Map<FactType, List<Rule>> BY_TRIGGER = new EnumMap<>(FactType.class);

    static {
        for (Rule rule : RULES) {
            if (BY_ID.put(rule.id(), rule) != null) {
                throw new IllegalStateException("two rules named " + rule.id());
            }
            BY_TRIGGER.computeIfAbsent(rule.trigger().eventType(), t -> new ArrayList<>()).add(rule);
        }
        BY_TRIGGER.replaceAll((type, rules) -> List.copyOf(rules));
    }

    private RuleCatalogue() {
    }

    /** Every rule, in the order of gap-rules.md. */
    public static List<Rule> all() {
        return RULES;
    }

    /** The rule of a name; every {@link GapRule} has one (RuleCatalogueTest). */
    public static Rule of(GapRule id) {
        Rule rule = BY_ID.get(id);
        if (rule == null) {
            throw new IllegalStateException("no rule in the catalogue for " + id);
        }
        return rule;
    }

    /** The rules a fact of this type can trigger, in the order of gap-rules.md. */
    static List<Rule> triggeredBy(FactType type) {
        return type == null ? List.of() : BY_TRIGGER.getOrDefault(type, List.of());
    }
}
