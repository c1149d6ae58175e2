package no.pathway.projections.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Judging a pathway is near-linear in its events (issue 12, finding 4): the engine's work (facts its queries look
 * at, triggers judged) on 8,000 events is at most 12 times its work on 1,000, for each long shape a source can
 * post. Work, not time: the count is the same on every machine. The same measure on the engine this replaced
 * grows with the square.
 */
@Execution(ExecutionMode.SAME_THREAD)
class EngineWorkTest {
    private final GapEngine engine = new GapEngine(RuleSet.defaults());

    static List<LongPathways.Shape> shapes() {
        return LongPathways.shapes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void judging_a_pathway_eight_times_as_long_is_at_most_twelve_times_the_work(LongPathways.Shape shape) {
        long small = work(shape.build().apply(1_000));
        long large = work(shape.build().apply(8_000));
        assertThat(large).as("work on 8,000 events against %d on 1,000", small).isLessThanOrEqualTo(12 * small);
    }

    @Test
    void the_realistic_long_pathway_too() {
        assertThat(work(LongPathways.realistic(8_000))).isLessThanOrEqualTo(12 * work(LongPathways.realistic(1_000)));
    }

    @Test
    void the_measure_sees_the_square_in_the_engine_this_replaced() {
        ReferenceEngine small = new ReferenceEngine(RuleSet.defaults());
        small.evaluateAll("pw", LongPathways.pairs(1_000, Setting.OUTPATIENT));
        ReferenceEngine large = new ReferenceEngine(RuleSet.defaults());
        large.evaluateAll("pw", LongPathways.pairs(8_000, Setting.OUTPATIENT));
        assertThat(large.work()).isGreaterThan(40 * small.work());
    }

    private long work(List<PathwayEvent> events) {
        Seen seen = Seen.of(events, Instant.MAX, Instant.MAX);
        assertThat(engine.judgement("pw", seen).gaps()).isNotEmpty();
        return seen.work.count();
    }
}
