package no.pathway.projections.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.engine.GapReplay;
import no.pathway.projections.engine.LongPathways;
import no.pathway.projections.engine.NearLinearWork;
import no.pathway.projections.engine.ReferenceEngine;
import no.pathway.projections.engine.RuleSet;
import org.junit.jupiter.api.Test;

/**
 * A pathway's timeline is near-linear in its events ({@link NearLinearWork}; issue 12, finding 4: 15.5 s at 800
 * events, more than 10 minutes at 5,000). The timeline it replaced, a whole judgement at every moment, does a
 * thousand times the work on 8 times the events.
 */
class TimelineWorkTest extends NearLinearWork {
    private final GapEngine engine = new GapEngine(RuleSet.defaults());

    @Test
    void the_measure_sees_the_cube_in_the_timeline_this_replaced() {
        ReferenceEngine small = new ReferenceEngine(RuleSet.defaults());
        ReferenceTimeline.of(small, "pw", LongPathways.pairs(100, Setting.OUTPATIENT));
        ReferenceEngine large = new ReferenceEngine(RuleSet.defaults());
        ReferenceTimeline.of(large, "pw", LongPathways.pairs(400, Setting.OUTPATIENT));
        assertThat(large.work()).isGreaterThan(16 * small.work());
    }

    @Override
    protected long work(List<PathwayEvent> events) {
        GapReplay replay = new GapReplay(engine, "pw", events);
        assertThat(GapTimeline.of(engine, "pw", events, replay)).isNotEmpty();
        return replay.work();
    }
}
