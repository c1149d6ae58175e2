package no.pathway.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathwayLocksTest {
    private final PathwayLocks locks = new PathwayLocks();

    @Test
    void every_pathway_of_the_round_is_locked_while_the_work_runs_and_released_after() {
        List<String> pathways = List.of("p-1", "p-2", "p-3");

        boolean heldInside = locks.holding(pathways, () -> pathways.stream().allMatch(locks::isHeld));

        assertThat(heldInside).isTrue();
        assertThat(pathways).noneMatch(locks::isHeld);
        assertThat(locks.isHeld("p-4")).isFalse();
    }

    @Test
    void the_locks_are_released_when_the_work_fails() {
        assertThatThrownBy(() -> locks.holding(List.of("p-1"), () -> {
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");

        assertThat(locks.isHeld("p-1")).isFalse();
    }

    @Test
    void stripes_are_taken_once_each_in_ascending_order_so_two_writers_cannot_deadlock() {
        List<String> pathways = List.of("zeta", "alpha", "zeta", "mid", "alpha");

        List<Integer> stripes = List.copyOf(PathwayLocks.stripes(pathways));

        assertThat(stripes).isSorted().hasSize(3).allMatch(s -> s >= 0 && s < PathwayLocks.STRIPES);
    }
}
