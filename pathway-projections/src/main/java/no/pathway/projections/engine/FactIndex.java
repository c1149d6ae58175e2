package no.pathway.projections.engine;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.engine.Seen.Fact;

/**
 * Facts of one kind in order of occurrence (ties in recorded order), with the queries the rules ask: each a
 * logarithmic lookup or a walk over exactly the facts in a window, so no rule reads a whole pathway per trigger.
 */
final class FactIndex<E extends PathwayEvent> implements Iterable<Fact<E>> {
    /** A position in order of occurrence, ties in recorded order. */
    record Pos(Instant at, int sequence) implements Comparable<Pos> {
        static Pos before(Instant t) {
            return new Pos(t, Integer.MIN_VALUE);
        }

        static Pos after(Instant t) {
            return new Pos(t, Integer.MAX_VALUE);
        }

        static Pos of(Fact<?> f) {
            return new Pos(f.occurredAt(), f.sequence());
        }

        @Override
        public int compareTo(Pos other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Integer.compare(sequence, other.sequence);
        }
    }

    private final TreeMap<Pos, Fact<E>> facts = new TreeMap<>();
    private final Work work;

    FactIndex(Work work) {
        this.work = work;
    }

    void add(Fact<E> f) {
        facts.put(Pos.of(f), f);
    }

    void remove(Fact<?> f) {
        facts.remove(Pos.of(f));
    }

    boolean isEmpty() {
        return facts.isEmpty();
    }

    int size() {
        return facts.size();
    }

    Fact<E> first() {
        return value(facts.firstEntry());
    }

    Fact<E> last() {
        return value(facts.lastEntry());
    }

    /** The last that occurred at or before {@code t}. */
    Fact<E> floor(Instant t) {
        return value(facts.floorEntry(Pos.after(t)));
    }

    /** The first that occurred at or after {@code t}. */
    Fact<E> ceiling(Instant t) {
        return value(facts.ceilingEntry(Pos.before(t)));
    }

    /** The first that occurred after {@code t}. */
    Fact<E> higher(Instant t) {
        return value(facts.higherEntry(Pos.after(t)));
    }

    /** The first after {@code f} in order. */
    Fact<E> after(Fact<?> f) {
        return value(facts.higherEntry(Pos.of(f)));
    }

    /** Those that occurred in [from, to]. */
    Iterable<Fact<E>> between(Instant from, Instant to) {
        return from.isAfter(to) ? java.util.List.of() : counted(facts.subMap(Pos.before(from), true,
                Pos.after(to), true));
    }

    /** Those that occurred at or after {@code from}. */
    Iterable<Fact<E>> from(Instant from) {
        return counted(facts.tailMap(Pos.before(from), true));
    }

    /** Those after {@code f} in order. */
    Iterable<Fact<E>> after(Pos f) {
        return counted(facts.tailMap(f, false));
    }

    @Override
    public Iterator<Fact<E>> iterator() {
        return counted(facts).iterator();
    }

    /**
     * The earliest as what satisfies a rule triggered at {@code t}, among those that occurred at or after
     * {@code since}: one that occurred by {@code t} counts at {@code t} (the first recorded of them wins, as
     * {@link Hit#EARLIEST} orders), a later one at its own time.
     */
    Optional<Hit> earliestSince(Instant since, Instant t) {
        Fact<E> byT = null;
        for (Fact<E> f : between(since, t)) {
            if (byT == null || f.sequence() < byT.sequence()) {
                byT = f;
            }
        }
        if (byT != null) {
            return Optional.of(byT.hit(t));
        }
        Fact<E> next = higher(since.isAfter(t) ? since.minusNanos(1) : t);
        return Optional.ofNullable(next).map(f -> f.hit(t));
    }

    private Iterable<Fact<E>> counted(NavigableMap<Pos, Fact<E>> range) {
        return () -> new Iterator<>() {
            private final Iterator<Fact<E>> values = range.values().iterator();

            @Override
            public boolean hasNext() {
                return values.hasNext();
            }

            @Override
            public Fact<E> next() {
                work.add(1);
                return values.next();
            }
        };
    }

    private Fact<E> value(Map.Entry<Pos, Fact<E>> entry) {
        work.add(1);
        return entry == null ? null : entry.getValue();
    }
}
