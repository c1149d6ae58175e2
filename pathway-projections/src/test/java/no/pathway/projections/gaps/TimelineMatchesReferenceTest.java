package no.pathway.projections.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.engine.RandomPathways;
import no.pathway.projections.engine.ReferenceEngine;
import no.pathway.projections.engine.RuleSet;
import org.junit.jupiter.api.Test;

/**
 * The timeline built by moving one replay through the moments is exactly the timeline built by a whole judgement
 * at each moment, on random pathways with late, early and out-of-order recording, retractions and deaths.
 */
class TimelineMatchesReferenceTest {
    private final GapEngine engine = new GapEngine(RuleSet.defaults());
    private final ReferenceEngine reference = new ReferenceEngine(RuleSet.defaults());

    @Test
    void every_timeline_of_random_pathways_is_the_reference_timeline() {
        for (long seed = 0; seed < 2000; seed++) {
            List<PathwayEvent> events = new RandomPathways(seed).next(1 + (int) (seed % 40));
            assertThat(GapTimeline.of(engine, "pw", events)).as("seed %d", seed)
                    .isEqualTo(ReferenceTimeline.of(reference, "pw", events));
        }
    }
}
