package no.pathway.api.ingest;

import static no.pathway.api.ingest.QueuedEvents.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupingTest {

    private static WriteQueue.Unit unit(int events) {
        return new WriteQueue.Unit(java.util.stream.IntStream.range(0, events)
                .mapToObj(i -> item("src", "e" + i, "p" + i)).toList());
    }

    @Test
    void a_group_takes_what_is_waiting_until_it_holds_the_most_events() {
        WriteQueue.Unit first = unit(3);
        WriteQueue.Unit second = unit(4);
        WriteQueue.Unit third = unit(2);
        WriteQueue.Unit fourth = unit(1);
        Deque<WriteQueue.Unit> waiting = new ArrayDeque<>(List.of(second, third, fourth));

        List<WriteQueue.Unit> group = Grouping.group(first, waiting::poll, 8);

        // 3 + 4 < 8 takes a third unit, which reaches 9; the fourth waits for the next group
        assertThat(group).containsExactly(first, second, third);
        assertThat(waiting).containsExactly(fourth);
    }

    @Test
    void a_group_ends_when_nothing_more_is_waiting() {
        WriteQueue.Unit first = unit(1);
        assertThat(Grouping.group(first, () -> null, 1000)).containsExactly(first);
    }

    @Test
    void a_request_that_gave_up_waiting_is_left_out() {
        WriteQueue.Unit first = unit(1);
        WriteQueue.Unit abandoned = unit(5);
        abandoned.answer().completeExceptionally(new java.util.concurrent.TimeoutException());
        WriteQueue.Unit last = unit(1);
        Deque<WriteQueue.Unit> waiting = new ArrayDeque<>(List.of(abandoned, last));

        assertThat(Grouping.group(first, waiting::poll, 3)).containsExactly(first, last);
    }

    @Test
    void a_repeated_key_waits_for_a_later_round_in_its_order() {
        List<List<Integer>> rounds = Grouping.rounds(List.of("a", "b", "a", "c", "a", "b"));

        assertThat(rounds).containsExactly(List.of(0, 1, 3), List.of(2, 5), List.of(4));
    }

    @Test
    void distinct_keys_make_one_round_and_none_make_none() {
        assertThat(Grouping.rounds(List.of("a", "b", "c"))).containsExactly(List.of(0, 1, 2));
        assertThat(Grouping.rounds(List.of())).isEmpty();
    }

    @Test
    void each_request_is_answered_with_its_own_outcomes_in_order() {
        WriteQueue.Unit first = unit(2);
        WriteQueue.Unit second = unit(1);
        List<IngestOutcome> outcomes = List.of(new IngestOutcome.Busy("a"), new IngestOutcome.Conflict("b"),
                new IngestOutcome.Busy("c"));

        Grouping.answer(List.of(first, second), outcomes);

        assertThat(first.answer()).isCompletedWithValue(outcomes.subList(0, 2));
        assertThat(second.answer()).isCompletedWithValue(outcomes.subList(2, 3));
    }
}
