package no.pathway.api.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One writer at a time per pathway within this instance: a lock per stripe of pathway ids, held across a whole
 * transaction. Axon's own aggregate lock ends with its unit of work, before the transaction commits, so without this
 * lock a second writer to the same pathway would load a stale aggregate, collide on the sequence index, roll back
 * and retry, leaving a gap in the global index that every streaming processor then carries (docs/performance.md).
 * Across instances the unique indexes still decide.
 */
final class PathwayLocks {
    static final int STRIPES = 1024;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    PathwayLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The work's answer, computed holding the lock of every pathway given, taken in stripe order (no deadlock). */
    <T> T holding(Collection<String> pathwayIds, Supplier<T> work) {
        List<ReentrantLock> held = new ArrayList<>();
        try {
            for (int stripe : stripes(pathwayIds)) {
                locks[stripe].lock();
                held.add(locks[stripe]);
            }
            return work.get();
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
    }

    /** Whether the calling thread holds this pathway's lock. */
    boolean isHeld(String pathwayId) {
        return locks[stripe(pathwayId)].isHeldByCurrentThread();
    }

    /** The stripes of these pathways, each once, in the order they are locked. */
    static SortedSet<Integer> stripes(Collection<String> pathwayIds) {
        SortedSet<Integer> stripes = new TreeSet<>();
        pathwayIds.forEach(id -> stripes.add(stripe(id)));
        return stripes;
    }

    private static int stripe(String pathwayId) {
        return Math.floorMod(pathwayId.hashCode(), STRIPES);
    }
}
