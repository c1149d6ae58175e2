package no.pathway.projections.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.pathway.core.event.PathwayEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Near-linear in a pathway's events (issue 12, finding 4): the {@link #work} on 8,000 events is at most 12 times the
 * work on 1,000, for each long shape a source can post and for the realistic one. Work, not time: the count is the
 * same on every machine. A test class says whose work it counts.
 */
public abstract class NearLinearWork {

    /** The work of the thing measured on these events (facts looked at, triggers judged, ...). */
    protected abstract long work(List<PathwayEvent> events);

    protected static List<LongPathways.Shape> shapes() {
        return LongPathways.shapes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    protected void eight_times_the_events_is_at_most_twelve_times_the_work(LongPathways.Shape shape) {
        long small = work(shape.build().apply(1_000));
        long large = work(shape.build().apply(8_000));
        assertThat(large).as("work on 8,000 events against %d on 1,000", small).isLessThanOrEqualTo(12 * small);
    }

    @Test
    protected void the_realistic_long_pathway_too() {
        assertThat(work(LongPathways.realistic(8_000))).isLessThanOrEqualTo(12 * work(LongPathways.realistic(1_000)));
    }
}
