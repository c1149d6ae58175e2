package no.pathway.projections.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Judging a pathway is near-linear in its events ({@link NearLinearWork}): the engine's work is the facts its
 * queries look at and the triggers it judges. The same measure on the engine this replaced grows with the square.
 */
@Execution(ExecutionMode.SAME_THREAD)
class EngineWorkTest extends NearLinearWork {
    private final GapEngine engine = new GapEngine(RuleSet.defaults());

    @Test
    void the_measure_sees_the_square_in_the_engine_this_replaced() {
        ReferenceEngine small = new ReferenceEngine(RuleSet.defaults());
        small.evaluateAll("pw", LongPathways.pairs(1_000, Setting.OUTPATIENT));
        ReferenceEngine large = new ReferenceEngine(RuleSet.defaults());
        large.evaluateAll("pw", LongPathways.pairs(8_000, Setting.OUTPATIENT));
        assertThat(large.work()).isGreaterThan(40 * small.work());
    }

    @Override
    protected long work(List<PathwayEvent> events) {
        Seen seen = Seen.of(events, Instant.MAX, Instant.MAX);
        assertThat(engine.judgement("pw", seen).gaps()).isNotEmpty();
        return seen.work.count();
    }
}
