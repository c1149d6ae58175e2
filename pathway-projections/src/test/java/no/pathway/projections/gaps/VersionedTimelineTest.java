package no.pathway.projections.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.engine.GapRule;
import no.pathway.projections.engine.RandomPathways;
import no.pathway.projections.engine.RuleSet;
import no.pathway.projections.engine.RuleVersions;
import org.junit.jupiter.api.Test;

/**
 * With two rule versions (deadlines shorter and longer from a date in the middle of the random pathways), the
 * timeline built by one replay is still exactly the timeline of whole judgements at every moment: the replay
 * reaches back as far as the longest deadline of any version.
 */
class VersionedTimelineTest {
    private final GapEngine engine = new GapEngine(new RuleVersions(List.of(
            new RuleVersions.Version(java.time.Instant.MIN, RuleSet.defaults()),
            new RuleVersions.Version(RandomPathways.T.plus(Duration.ofHours(100)), new RuleSet("2027.1", Map.of(
                    GapRule.DETOX_NO_TREATMENT_24H, Duration.ofHours(12),
                    GapRule.RELEASE_NO_CONTACT_72H, Duration.ofHours(96),
                    GapRule.OVERDOSE_NO_FOLLOW_UP_48H, Duration.ofHours(24),
                    GapRule.HANDOVER_NOT_ACCEPTED_48H, Duration.ofHours(72),
                    GapRule.DISCHARGE_WITHOUT_HOUSING, Duration.ofHours(6)))))));

    @Test
    void every_timeline_of_random_pathways_under_two_versions_is_the_timeline_of_whole_judgements() {
        for (long seed = 0; seed < 1000; seed++) {
            List<PathwayEvent> events = new RandomPathways(seed).next(1 + (int) (seed % 40));
            assertThat(GapTimeline.of(engine, "pw", events)).as("seed %d", seed)
                    .isEqualTo(ReferenceTimeline.of(engine, "pw", events));
        }
    }
}
