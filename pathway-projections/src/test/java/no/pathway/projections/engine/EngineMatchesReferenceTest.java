package no.pathway.projections.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import no.pathway.core.event.PathwayEvent;
import org.junit.jupiter.api.Test;

/** Today's indexed engine gives exactly the gaps (and their order) of the quadratic engine it replaced. */
class EngineMatchesReferenceTest {
    private final GapEngine engine = new GapEngine(RuleSet.defaults());
    private final ReferenceEngine reference = new ReferenceEngine(RuleSet.defaults());

    @Test
    void every_judgement_of_random_pathways_is_the_reference_judgement() {
        Random moments = new Random(11);
        for (long seed = 0; seed < 3000; seed++) {
            List<PathwayEvent> events = new RandomPathways(seed).next(1 + (int) (seed % 45));
            assertThat(engine.evaluateAll("pw", events)).as("seed %d", seed)
                    .isEqualTo(reference.evaluateAll("pw", events));
            for (int i = 0; i < 3; i++) {
                Instant at = RandomPathways.T.plus(Duration.ofMinutes(moments.nextInt(500 * 60)));
                Instant knownAt = moments.nextBoolean() ? Instant.MAX
                        : at.plus(Duration.ofMinutes(moments.nextInt(400 * 60) - 100 * 60));
                assertThat(engine.evaluate("pw", events, at, knownAt)).as("seed %d at %s known %s", seed, at, knownAt)
                        .isEqualTo(reference.evaluate("pw", events, at, knownAt));
            }
        }
    }
}
