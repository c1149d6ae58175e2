package no.pathway.api.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import jakarta.annotation.PreDestroy;
import no.pathway.api.audit.EventChain;
import no.pathway.api.http.FieldProblem;
import no.pathway.api.identity.IdentityVault;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.pathway.FactOutcome;
import no.pathway.core.pathway.RecordFacts;
import no.pathway.core.value.PersonId;
import no.pathway.projections.quarantine.FailureCause;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: every request's valid facts become one {@link Unit} on a queue, and a few writer threads each take
 * whatever units are waiting (up to {@code maxGroupEvents}) and store them in <em>one</em> transaction: one receipt
 * query, one command per pathway (its facts in order), one batch each of receipts, hash-chain links and identity-vault
 * rows for persons new to the vault, one commit. Under load many requests share a commit and its WAL flush; alone, a
 * request is its own group and waits for nobody. Every answer is given only after its transaction has committed.
 *
 * <p>Each fact still stands alone. The pathway refuses a bad retraction as an outcome, not an exception, so it
 * does not roll back its neighbours. A conflict with a concurrent writer (another instance, the same key posted
 * twice at once) rolls the group back and retries it from the receipt lookup, so a race ends as a stored event or
 * as the answer to a retry. Anything else splits the group and retries each unit alone, so one request's failure
 * is that request's alone.
 */
@Component
class WriteQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WriteQueue.class);
    private static final int MAX_ATTEMPTS = 10;
    private static final int LOCK_STRIPES = 1024;

    /** One fact of a unit, with its source. */
    record Item(String source, ParsedFact parsed) {
        String eventId() {
            return parsed.fact().eventId();
        }

        Receipts.Key key() {
            return new Receipts.Key(source, eventId());
        }
    }

    /** One request's facts, answered together, in order. */
    record Unit(List<Item> items, CompletableFuture<List<IngestOutcome>> answer) {
        Unit(List<Item> items) {
            this(List.copyOf(items), new CompletableFuture<>());
        }
    }

    private final Receipts receipts;
    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final EventChain chain;
    private final IdentityVault vault;
    private final Cache pathwayCache;
    private final int maxGroupEvents;
    private final int maxPathwayEvents;
    private final BlockingQueue<Unit> queue = new LinkedBlockingQueue<>();
    private final ReentrantLock[] pathwayLocks = new ReentrantLock[LOCK_STRIPES];
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean open = true;

    /**
     * @param pathwayCache emptied after a group's transaction rolled back: what was cached from it is now wrong
     */
    WriteQueue(Receipts receipts, CommandGateway commands, PlatformTransactionManager transactionManager, Clock clock,
               EventChain chain, IdentityVault vault, @Qualifier("pathwayCache") Cache pathwayCache,
               IngestProperties properties) {
        this.receipts = receipts;
        this.commands = commands;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.chain = chain;
        this.vault = vault;
        this.pathwayCache = pathwayCache;
        this.maxGroupEvents = properties.maxGroupEvents();
        this.maxPathwayEvents = properties.maxPathwayEvents();
        for (int i = 0; i < LOCK_STRIPES; i++) {
            pathwayLocks[i] = new ReentrantLock();
        }
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

    /** Queues the unit; its answer completes once its facts are stored (or found stored, or refused). */
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
                List<Unit> group = new ArrayList<>();
                group.add(first);
                int events = first.items().size();
                Unit next;
                while (events < maxGroupEvents && (next = queue.poll()) != null) {
                    if (!next.answer().isDone()) {
                        group.add(next);
                        events += next.items().size();
                    }
                }
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable unexpected) {
                log.error("writer failed outside a group", unexpected);
            }
        }
    }

    /**
     * Stores a group together; if that fails for any reason but a conflict, each unit alone, unless the database is
     * unavailable, which fails every unit of the group at once rather than making each wait for it again.
     */
    private void write(List<Unit> group) {
        try {
            List<Item> items = group.stream().flatMap(u -> u.items().stream()).toList();
            List<IngestOutcome> outcomes = store(items);
            int from = 0;
            for (Unit unit : group) {
                unit.answer().complete(outcomes.subList(from, from + unit.items().size()));
                from += unit.items().size();
            }
        } catch (Throwable e) {
            if (group.size() == 1 || FailureCause.of(e) == FailureCause.TRANSIENT) {
                group.forEach(unit -> unit.answer().completeExceptionally(e));
            } else {
                group.forEach(unit -> write(List.of(unit)));
            }
        }
    }

    /**
     * The outcome of each item, in order. An item whose key stands earlier in the same list (a retry inside one
     * batch, or two requests racing) waits for a later round, where the first one's receipt answers it.
     */
    private List<IngestOutcome> store(List<Item> items) {
        IngestOutcome[] outcomes = new IngestOutcome[items.size()];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            pending.add(i);
        }
        while (!pending.isEmpty()) {
            Set<Receipts.Key> keys = new HashSet<>();
            List<Integer> round = new ArrayList<>();
            List<Integer> later = new ArrayList<>();
            for (int i : pending) {
                (keys.add(items.get(i).key()) ? round : later).add(i);
            }
            List<IngestOutcome> stored = storeWithRetries(round.stream().map(items::get).toList());
            for (int r = 0; r < round.size(); r++) {
                outcomes[round.get(r)] = stored.get(r);
            }
            pending = later;
        }
        return List.of(outcomes);
    }

    private List<IngestOutcome> storeWithRetries(List<Item> round) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return underPathwayLocks(round);
            } catch (RuntimeException e) {
                pathwayCache.removeAll();
                if (!isConflict(e)) {
                    throw e;
                }
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L << Math.min(attempt, 5)));
            }
        }
        return busy(round);
    }

    /** Nothing of these was stored, and the client may retry. */
    private static List<IngestOutcome> busy(List<Item> items) {
        return items.stream().<IngestOutcome>map(i -> new IngestOutcome.Busy(i.eventId())).toList();
    }

    /**
     * Holds the stripe lock of every pathway in the round, taken in stripe order (so two groups cannot deadlock),
     * across the whole transaction. Axon's own aggregate lock ends with its unit of work, before this transaction
     * commits, so without this lock a second writer to the same pathway would load a stale aggregate, collide on
     * the sequence index, roll back and retry, leaving a gap in the global index that every streaming processor
     * then carries (docs/performance.md). Across instances the unique indexes still decide.
     */
    private List<IngestOutcome> underPathwayLocks(List<Item> round) {
        TreeSet<Integer> stripes = new TreeSet<>();
        round.forEach(i -> stripes.add(Math.floorMod(i.parsed().pathwayId().hashCode(), LOCK_STRIPES)));
        List<ReentrantLock> held = new ArrayList<>(stripes.size());
        try {
            for (int stripe : stripes) {
                pathwayLocks[stripe].lock();
                held.add(pathwayLocks[stripe]);
            }
            return transaction.execute(status -> storeInTransaction(round));
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
    }

    /**
     * One transaction: answer retries from their receipts, record the rest per pathway, write receipts, links and the
     * persons the vault does not hold yet.
     */
    private List<IngestOutcome> storeInTransaction(List<Item> round) {
        IngestOutcome[] outcomes = new IngestOutcome[round.size()];
        Map<Receipts.Key, Receipts.Stored> existing = receipts.find(round.stream().map(Item::key).toList());
        Map<String, List<Integer>> byPathway = new LinkedHashMap<>();
        for (int i = 0; i < round.size(); i++) {
            Item item = round.get(i);
            Receipts.Stored stored = existing.get(item.key());
            if (stored != null) {
                outcomes[i] = stored.contentHash().equals(item.parsed().contentHash())
                        ? new IngestOutcome.Stored(stored.receipt(), false)
                        : new IngestOutcome.Conflict(item.eventId());
            } else {
                byPathway.computeIfAbsent(item.parsed().pathwayId(), p -> new ArrayList<>()).add(i);
            }
        }
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Receipts.New> newReceipts = new ArrayList<>();
        Map<String, Long> firstNewSequence = new HashMap<>();
        Map<String, List<FactOutcome>> recordedByPathway = record(round, byPathway, receivedAt);
        byPathway.forEach((pathwayId, indexes) -> {
            List<FactOutcome> recorded = recordedByPathway.get(pathwayId);
            for (int f = 0; f < indexes.size(); f++) {
                Item item = round.get(indexes.get(f));
                FactOutcome outcome = recorded.get(f);
                if (outcome.isRecorded()) {
                    Receipt receipt = new Receipt(item.eventId(), pathwayId, outcome.sequence(),
                            outcome.recordedAt());
                    newReceipts.add(new Receipts.New(item.source(), receipt, item.parsed().contentHash()));
                    firstNewSequence.putIfAbsent(pathwayId, outcome.sequence());
                    outcomes[indexes.get(f)] = new IngestOutcome.Stored(receipt, true);
                } else if (outcome.isFull()) {
                    outcomes[indexes.get(f)] = new IngestOutcome.PathwayFull(item.eventId(), outcome.fullAt());
                } else {
                    outcomes[indexes.get(f)] = new IngestOutcome.Invalid(item.eventId(),
                            List.of(new FieldProblem("retractedEventId", outcome.refusal())));
                }
            }
        });
        receipts.insert(newReceipts);
        chain.append(firstNewSequence);
        vault.keep(persons(round, firstNewSequence.keySet()));
        return List.of(outcomes);
    }

    /** The person of each pathway that recorded something in this round, for the identity vault. */
    private static Map<String, PersonId> persons(List<Item> round, Set<String> recordedPathways) {
        Map<String, PersonId> persons = new HashMap<>();
        for (Item item : round) {
            PersonId person = item.parsed().person();
            if (person != null && recordedPathways.contains(item.parsed().pathwayId())) {
                persons.putIfAbsent(item.parsed().pathwayId(), person);
            }
        }
        return persons;
    }

    /**
     * One command per pathway, all inside one Axon unit of work. Axon queues the events its commands apply on the
     * root unit of work and appends them when that commits, so the whole group's events go to the event store as
     * one batched insert instead of one insert per pathway. That insert waits for its turn
     * ({@code CommitOrderEventStorageEngine}), so the global index follows commit order.
     */
    private Map<String, List<FactOutcome>> record(List<Item> round, Map<String, List<Integer>> byPathway,
                                                  Instant receivedAt) {
        UnitOfWork<?> group = DefaultUnitOfWork.startAndGet(null);
        try {
            Map<String, List<FactOutcome>> recorded = new HashMap<>();
            byPathway.forEach((pathwayId, indexes) -> {
                List<PathwayEvent> facts = indexes.stream().map(i -> round.get(i).parsed().fact()).toList();
                recorded.put(pathwayId, commands.sendAndWait(new RecordFacts(pathwayId, facts, receivedAt,
                        maxPathwayEvents)));
            });
            group.commit();
            return recorded;
        } catch (RuntimeException e) {
            if (group.isActive()) {
                group.rollback(e);
            }
            throw e;
        }
    }

    private static boolean isConflict(Throwable e) {
        return Stream.of(ConcurrencyException.class, AggregateStreamCreationException.class,
                        DuplicateKeyException.class, LockAcquisitionFailedException.class,
                        PessimisticLockingFailureException.class)
                .anyMatch(type -> cause(e, type).isPresent());
    }

    /** The first throwable of {@code type} in the cause chain: the command bus may wrap what the store threw. */
    private static Optional<Throwable> cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
