package no.pathway.api.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import org.axonframework.common.caching.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Group commit: every request's valid events become one {@link Unit} on a queue, and a few writer threads each take
 * whatever units are waiting (up to {@code maxGroupEvents}, {@link Grouping}) and store them in <em>one</em>
 * transaction ({@link GroupTransaction}). Under load many requests share a commit and its WAL flush; alone, a
 * request is its own group and waits for nobody. Every answer is given only after its transaction has committed.
 *
 * <p>Each event still stands alone. The pathway refuses a bad retraction as an outcome, not an exception, so it
 * does not roll back its neighbours. A repeated key waits for a later round ({@link Grouping#rounds}); a conflict
 * with a concurrent writer is tried again and anything else splits the group ({@link RetryPolicy}); a pathway has
 * one writer at a time here ({@link PathwayLocks}). This class runs the threads and puts those parts together.
 */
@Component
class WriteQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WriteQueue.class);

    /** One event of a unit, with its source and the hash of its content. */
    record Item(String source, ParsedEvent parsed, String contentHash) {
        String eventId() {
            return parsed.event().eventId();
        }

        Receipts.Key key() {
            return new Receipts.Key(source, eventId());
        }
    }

    /** One request's events, answered together, in order. */
    record Unit(List<Item> items, CompletableFuture<List<IngestOutcome>> answer) {
        Unit(List<Item> items) {
            this(List.copyOf(items), new CompletableFuture<>());
        }
    }

    private final GroupTransaction transaction;
    private final PathwayLocks locks = new PathwayLocks();
    private final RetryPolicy retries = new RetryPolicy();
    private final Cache pathwayCache;
    private final int maxGroupEvents;
    private final BlockingQueue<Unit> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean open = true;

    /**
     * @param pathwayCache emptied after a group's transaction rolled back: what was cached from it is now wrong
     */
    WriteQueue(GroupTransaction transaction, @Qualifier("pathwayCache") Cache pathwayCache,
               IngestProperties properties) {
        this.transaction = transaction;
        this.pathwayCache = pathwayCache;
        this.maxGroupEvents = properties.maxGroupEvents();
        for (int i = 0; i < properties.writerThreads(); i++) {
            startWriter("pathway-writer-" + i);
        }
    }

    private synchronized void startWriter(String name) {
        Thread writer = new Thread(() -> {
            boolean stopped = false;
            try {
                run();
                stopped = true;
            } finally {
                // an Error that escaped the loop (say, out of memory while logging) must not leave queued requests
                // with nobody to store them: a replacement takes over
                if (!stopped && open) {
                    startWriter(name);
                }
            }
        }, name);
        writer.setDaemon(true);
        writer.start();
        writers.add(writer);
    }

    /** Queues the unit; its answer completes once its events are stored (or found stored, or refused). */
    CompletableFuture<List<IngestOutcome>> submit(List<Item> items) {
        Unit unit = new Unit(items);
        if (!open) {
            unit.answer().complete(busy(items));
        } else if (items.isEmpty()) {
            unit.answer().complete(List.of());
        } else {
            queue.add(unit);
        }
        return unit.answer();
    }

    /** Stops taking units, stores those already queued (before the connections close), and waits for the writers. */
    @Override
    @PreDestroy
    public void close() {
        open = false;
        List<Thread> running;
        synchronized (this) {
            running = List.copyOf(writers);
        }
        for (Thread writer : running) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run() {
        while (open || !queue.isEmpty()) {
            try {
                Unit first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null || first.answer().isDone()) {
                    continue; // a unit whose request gave up waiting is not stored: it was answered 503
                }
                write(Grouping.group(first, queue::poll, maxGroupEvents));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable unexpected) {
                log.error("writer failed outside a group", unexpected);
            }
        }
    }

    /** Stores a group together; if that fails, all at once or unit by unit ({@link RetryPolicy#failsAsAWhole}). */
    private void write(List<Unit> group) {
        try {
            Grouping.answer(group, store(group.stream().flatMap(u -> u.items().stream()).toList()));
        } catch (Throwable e) {
            if (RetryPolicy.failsAsAWhole(group.size(), e)) {
                group.forEach(unit -> unit.answer().completeExceptionally(e));
            } else {
                group.forEach(unit -> write(List.of(unit)));
            }
        }
    }

    /** The outcome of each item, in order, stored round by round ({@link Grouping#rounds}). */
    private List<IngestOutcome> store(List<Item> items) {
        IngestOutcome[] outcomes = new IngestOutcome[items.size()];
        for (List<Integer> round : Grouping.rounds(items.stream().map(Item::key).toList())) {
            List<Item> roundItems = round.stream().map(items::get).toList();
            List<IngestOutcome> stored = retries.run(
                    () -> locks.holding(roundItems.stream().map(i -> i.parsed().pathwayId()).toList(),
                            () -> transaction.store(roundItems)),
                    pathwayCache::removeAll, () -> busy(roundItems));
            for (int r = 0; r < round.size(); r++) {
                outcomes[round.get(r)] = stored.get(r);
            }
        }
        return List.of(outcomes);
    }

    /** Nothing of these was stored, and the client may retry. */
    private static List<IngestOutcome> busy(List<Item> items) {
        return items.stream().<IngestOutcome>map(i -> new IngestOutcome.Busy(i.eventId())).toList();
    }
}
