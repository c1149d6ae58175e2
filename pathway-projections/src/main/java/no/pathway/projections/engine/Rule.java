package no.pathway.projections.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.pathway.core.event.AppointmentBooked;
import no.pathway.core.event.FactType;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.Seen.Fact;

/**
 * One rule of gap-rules.md, complete: what it says and why (its text and sources), what triggers it, its default
 * deadline, what satisfies it, whether a readmission excludes it (death always does), how it judges one trigger,
 * and which facts can change its judgement of other triggers (what the timeline re-judges). Sealed, so every rule
 * is listed here and in {@link RuleCatalogue}, and the compiler asks each one for all of this.
 */
public sealed interface Rule permits DetoxNoTreatmentRule, HousingAtDischargeRule, HandoverAtDischargeRule,
        ContactAfterReleaseRule, AdmissionNoticeRule, MunicipalContactRule, ActivityAfterDischargeRule,
        HandoverAcceptanceRule, RebookingRule, OverdoseFollowUpRule {

    /**
     * The event type that can trigger the rule and, in words, the condition on it; {@code setting} the service the
     * trigger happens in when the rule fixes it (null when it varies with the trigger, or there is none).
     */
    record Trigger(FactType eventType, String words, Setting setting) {
        Trigger(FactType eventType, String words) {
            this(eventType, words, null);
        }
    }

    /**
     * What satisfies the rule: in words, and as the event types and settings that can, and how far before the
     * trigger such an event still counts ({@code lookBack}; zero: from the trigger on; null: any time). The
     * window ends at the deadline: later, it still closes the gap, late.
     */
    record Expected(String words, List<FactType> eventTypes, Set<Setting> settings, Duration lookBack) {
        public Expected {
            eventTypes = List.copyOf(eventTypes);
            settings = Set.copyOf(settings);
        }
    }

    /** What one trigger's judgement found: what satisfied it, if anything, and a short human-readable detail. */
    record Finding(Optional<Hit> closure, String detail) {
    }

    /**
     * What a rule is, apart from how it judges: its name, its number in gap-rules.md, the rule in plain language,
     * where it comes from (the table's column "source"), what triggers it, what satisfies it, its default deadline,
     * and whether a readmission excludes it (rules triggered by a community discharge; death excludes every rule).
     */
    record About(GapRule id, int number, String text, List<String> sources, Trigger trigger, Expected expected,
                 Duration defaultDeadline, boolean excludedByReadmission) {
        public About {
            sources = List.copyOf(sources);
        }
    }

    About about();

    default GapRule id() {
        return about().id();
    }

    /** Its number in gap-rules.md. */
    default int number() {
        return about().number();
    }

    /** The rule in plain language. */
    default String text() {
        return about().text();
    }

    /** Where the rule comes from (gap-rules.md, column "source"). */
    default List<String> sources() {
        return about().sources();
    }

    default Trigger trigger() {
        return about().trigger();
    }

    default Expected expected() {
        return about().expected();
    }

    default Duration defaultDeadline() {
        return about().defaultDeadline();
    }

    /** Whether a readmission excludes it (rules triggered by a community discharge). Death excludes every rule. */
    default boolean excludedByReadmission() {
        return about().excludedByReadmission();
    }

    /**
     * The service {@code gap}'s trigger happened in: fixed by the rule, or, where it varies, as the gap's record
     * says; null where neither tells (an overdose, which happens outside the services).
     */
    default Setting triggerSetting(Gap gap) {
        return trigger().setting();
    }

    /**
     * Judges one fact of the trigger's event type with the deadline in force at it: empty when the fact does not
     * trigger the rule (its condition does not hold).
     */
    Optional<Finding> judge(Judging on, Duration deadline);

    /**
     * Marks, through {@code reach}, the triggers of this rule whose judgement a fact coming ({@code added}) or
     * going can change: what it satisfies, or a condition of the rule it changes. The shared definitions (the
     * trigger itself, a transfer, readmission, death, a satisfying or excluding fact taken away) the timeline
     * handles for every rule.
     */
    void reach(Fact<PathwayEvent> fact, boolean added, Reach reach);

    /** Marks the triggers a booking that became live may satisfy; none for rules no appointment satisfies. */
    default void reachOfLiveBooking(Fact<AppointmentBooked> booking, Reach reach) {
    }
}
