package no.pathway.projections.engine;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * What a rule may mark for the timeline to re-judge when a fact comes or goes ({@link Rule#reach}): the timeline
 * ({@link GapReplay}) implements it for one rule at a time.
 */
interface Reach {
    /** What is seen now (the fact coming is in it, the fact going is not). */
    Seen seen();

    /** The longest deadline of the rule in any version: how far back a follow-up reaches. */
    java.time.Duration longestDeadline();

    /**
     * The unresolved gaps of the rule triggered in [from, to] that a new satisfaction, effective no earlier than
     * {@code floor}, may close.
     */
    default void unresolved(Instant from, Instant to, Instant floor) {
        unresolved(from, to, floor, trigger -> true);
    }

    /** As {@link #unresolved(Instant, Instant, Instant)}, only for triggers that pass {@code which}. */
    void unresolved(Instant from, Instant to, Instant floor, Predicate<Seen.Fact<?>> which);

    /** The gaps of the rule (if any) this fact triggered: a condition of them changed. */
    void trigger(Seen.Fact<?> trigger);

    /** The gaps the fact satisfied: it no longer does the same. */
    void satisfiedBy(Seen.Fact<?> fact);
}
