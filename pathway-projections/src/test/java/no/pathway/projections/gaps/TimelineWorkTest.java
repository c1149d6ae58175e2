package no.pathway.projections.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.engine.GapReplay;
import no.pathway.projections.engine.LongPathways;
import no.pathway.projections.engine.ReferenceEngine;
import no.pathway.projections.engine.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A pathway's timeline is near-linear in its events (issue 12, finding 4: 15.5 s at 800 events, more than 10
 * minutes at 5,000): its work on 8,000 events is at most 12 times its work on 1,000, for each long shape. The
 * timeline it replaced, a whole judgement at every moment, does a thousand times the work on 8 times the events.
 */
class TimelineWorkTest {
    private final GapEngine engine = new GapEngine(RuleSet.defaults());

    static List<LongPathways.Shape> shapes() {
        return LongPathways.shapes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void the_timeline_of_a_pathway_eight_times_as_long_is_at_most_twelve_times_the_work(LongPathways.Shape shape) {
        long small = work(shape.build().apply(1_000));
        long large = work(shape.build().apply(8_000));
        assertThat(large).as("work on 8,000 events against %d on 1,000", small).isLessThanOrEqualTo(12 * small);
    }

    @Test
    void the_realistic_long_pathway_too() {
        assertThat(work(LongPathways.realistic(8_000))).isLessThanOrEqualTo(12 * work(LongPathways.realistic(1_000)));
    }

    @Test
    void the_measure_sees_the_cube_in_the_timeline_this_replaced() {
        ReferenceEngine small = new ReferenceEngine(RuleSet.defaults());
        ReferenceTimeline.of(small, "pw", LongPathways.pairs(100, Setting.OUTPATIENT));
        ReferenceEngine large = new ReferenceEngine(RuleSet.defaults());
        ReferenceTimeline.of(large, "pw", LongPathways.pairs(400, Setting.OUTPATIENT));
        assertThat(large.work()).isGreaterThan(16 * small.work());
    }

    private long work(List<PathwayEvent> events) {
        GapReplay replay = new GapReplay(engine, "pw", events);
        assertThat(GapTimeline.of(engine, "pw", events, replay)).isNotEmpty();
        return replay.work();
    }
}
