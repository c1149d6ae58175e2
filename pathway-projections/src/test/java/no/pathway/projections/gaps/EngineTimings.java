package no.pathway.projections.gaps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.engine.LongPathways;
import no.pathway.projections.engine.ReferenceEngine;
import no.pathway.projections.engine.RuleSet;

/**
 * Not a test: times today's engine and timeline in-process against the ones they replaced, on booked-and-missed
 * pairs (docs/performance.md, "Long pathways"). Run with the test classpath:
 * {@code java -cp <test classpath> no.pathway.projections.gaps.EngineTimings}.
 */
public final class EngineTimings {
    private EngineTimings() {
    }

    public static void main(String[] args) {
        GapEngine engine = new GapEngine(RuleSet.defaults());
        ReferenceEngine reference = new ReferenceEngine(RuleSet.defaults());
        for (int n : new int[] {200, 400, 800, 1_000, 10_000}) {
            List<PathwayEvent> events = LongPathways.pairs(n, Setting.OUTPATIENT);
            String judged = median(15, () -> engine.evaluateAll("pw", events));
            String timeline = median(7, () -> GapTimeline.of(engine, "pw", events));
            String oldJudged = n > 1_000 ? "-" : median(5, () -> reference.evaluateAll("pw", events));
            String oldTimeline = n > 800 ? "-" : median(1, () -> ReferenceTimeline.of(reference, "pw", events));
            System.out.printf("| %,d | %s | %s | %s | %s |%n", n, judged, oldJudged, timeline, oldTimeline);
        }
    }

    /** The median of {@code runs} timed runs after as many untimed ones. */
    private static String median(int runs, Supplier<?> work) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 2 * runs; i++) {
            long t = System.nanoTime();
            work.get();
            if (i >= runs) {
                nanos.add(System.nanoTime() - t);
            }
        }
        Collections.sort(nanos);
        return String.format("%.1f ms", nanos.get(nanos.size() / 2) / 1e6);
    }
}
