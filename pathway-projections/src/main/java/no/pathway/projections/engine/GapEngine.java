package no.pathway.projections.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.pathway.core.event.FactType;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.engine.Seen.Fact;

/**
 * The gap rules of gap-rules.md as a pure function: (a pathway's events in recorded order, {@code at},
 * {@code knownAt}) to gap records. No clock, no database, no Spring: the projections, the as-of queries and the
 * table tests all call this one function. What each rule is lives in its entry of {@link RuleCatalogue}; this
 * applies them: the rules a fact's type can trigger, the version in force at the trigger, the shared exclusions.
 */
public final class GapEngine {
    private final RuleVersions versions;

    public GapEngine(RuleSet rules) {
        this(RuleVersions.single(rules));
    }

    public GapEngine(RuleVersions versions) {
        this.versions = versions;
    }

    public RuleVersions versions() {
        return versions;
    }

    /** Every gap of the pathway as judged at {@code at} from what was recorded by {@code knownAt}. */
    public List<Gap> evaluate(String pathwayId, List<PathwayEvent> recordedOrder, Instant at, Instant knownAt) {
        return new Judgement(pathwayId, Seen.of(recordedOrder, at, knownAt)).gaps();
    }

    /** Everything recorded, with no limit in time: what the read models store. Status follows from the clock. */
    public List<Gap> evaluateAll(String pathwayId, List<PathwayEvent> recordedOrder) {
        return evaluate(pathwayId, recordedOrder, Instant.MAX, Instant.MAX);
    }

    Judgement judgement(String pathwayId, Seen seen) {
        return new Judgement(pathwayId, seen);
    }

    /** The longest deadline of a rule in any version in force: how far back a follow-up of it reaches. */
    Duration longestDeadline(GapRule rule) {
        return versions.longestDeadline(rule);
    }

    /**
     * The judgement of one pathway's seen facts. Each trigger is judged on its own with the indexes of
     * {@link Seen}: a whole pathway costs n log n, and the timeline re-judges only the triggers a change touches.
     */
    final class Judgement {
        private final String pathwayId;
        private final Seen seen;

        Judgement(String pathwayId, Seen seen) {
            this.pathwayId = pathwayId;
            this.seen = seen;
        }

        List<Gap> gaps() {
            List<Gap> gaps = new ArrayList<>();
            for (Fact<PathwayEvent> f : seen.all()) {
                for (Verdict v : judge(f)) {
                    gaps.add(v.gap());
                }
            }
            return gaps;
        }

        /** The gaps a fact triggers, in the order of gap-rules.md; none when it triggers no rule. */
        List<Verdict> judge(Fact<PathwayEvent> f) {
            List<Rule> candidates = RuleCatalogue.triggeredBy(FactType.of(f.event()));
            if (candidates.isEmpty()) {
                return List.of();
            }
            seen.work.add(1);
            Judging on = new Judging(seen, f);
            RuleSet inForce = versions.at(f.occurredAt());
            List<Verdict> verdicts = new ArrayList<>(1);
            for (Rule rule : candidates) {
                Duration deadline = inForce.deadline(rule.id());
                rule.judge(on, deadline).ifPresent(finding -> verdicts.add(verdict(rule, inForce.version(), deadline,
                        f, finding)));
            }
            return verdicts;
        }

        private Verdict verdict(Rule rule, String version, Duration deadline, Fact<PathwayEvent> trigger,
                                Rule.Finding finding) {
            Instant t = trigger.occurredAt();
            Optional<Hit> closure = finding.closure();
            Optional<Hit> death = Windows.death(seen);
            Optional<Hit> exclusion = Windows.exclusion(seen, rule, t, death);
            boolean closed = closure.isPresent()
                    && (exclusion.isEmpty() || !closure.get().at().isAfter(exclusion.get().at()));
            Hit excluder = closed || exclusion.isEmpty() ? null : exclusion.get();
            Exclusion reason = excluder == null ? null
                    : exclusion.equals(death) ? Exclusion.DIED : Exclusion.READMITTED;
            PathwayEvent e = trigger.event();
            Gap.Builder gap = Gap.builder()
                    .id(Gap.idOf(pathwayId, rule.id(), e.meta().source(), e.eventId()), pathwayId)
                    .rule(rule.id(), version, deadline.toMinutes())
                    .trigger(e.meta().source(), e.eventId(), t, t.plus(deadline))
                    .context(seen.municipalityAt(t), finding.detail());
            if (closed) {
                gap.closed(closure.get().at(), closure.get().eventId());
            }
            if (excluder != null) {
                gap.excluded(excluder.at(), excluder.eventId(), reason);
            }
            return new Verdict(gap.build(), closed ? closure.get() : null, excluder);
        }
    }
}
