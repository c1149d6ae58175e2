package no.pathway.api.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which queued requests share a transaction, and in which round each of their events is stored. Plain functions: no
 * thread, no database.
 */
final class Grouping {
    private Grouping() {
    }

    /**
     * The first unit and whatever else {@code next} has waiting, until the group holds {@code maxEvents} events. A
     * unit whose request gave up waiting (answered 503) is left out: it is not stored.
     */
    static List<WriteQueue.Unit> group(WriteQueue.Unit first, Supplier<WriteQueue.Unit> next, int maxEvents) {
        List<WriteQueue.Unit> group = new ArrayList<>();
        group.add(first);
        int events = first.items().size();
        WriteQueue.Unit unit;
        while (events < maxEvents && (unit = next.get()) != null) {
            if (!unit.answer().isDone()) {
                group.add(unit);
                events += unit.items().size();
            }
        }
        return group;
    }

    /**
     * The positions of {@code keys} in rounds, each round holding a key at most once, in list order. A key that
     * stands earlier in the list (a retry inside one batch, or two requests racing) waits for a later round, where
     * the first one's receipt answers it.
     */
    static <K> List<List<Integer>> rounds(List<K> keys) {
        List<List<Integer>> rounds = new ArrayList<>();
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            pending.add(i);
        }
        while (!pending.isEmpty()) {
            Set<K> seen = new HashSet<>();
            List<Integer> round = new ArrayList<>();
            List<Integer> later = new ArrayList<>();
            for (int i : pending) {
                (seen.add(keys.get(i)) ? round : later).add(i);
            }
            rounds.add(round);
            pending = later;
        }
        return rounds;
    }

    /** Answers each unit with its share of the group's outcomes, which are in the group's order. */
    static void answer(List<WriteQueue.Unit> group, List<IngestOutcome> outcomes) {
        int from = 0;
        for (WriteQueue.Unit unit : group) {
            unit.answer().complete(outcomes.subList(from, from + unit.items().size()));
            from += unit.items().size();
        }
    }
}
