package no.pathway.api.ingest;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.pathway.core.event.EventMeta;
import no.pathway.core.event.GapAcknowledged;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import no.pathway.api.audit.EventChain;
import no.pathway.api.web.FieldProblem;
import no.pathway.api.web.InvalidRequest;
import no.pathway.core.pathway.FactRecorded;
import no.pathway.core.pathway.RecordFact;
import no.pathway.core.pathway.RetractionRejected;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Records one posted event: validate, answer a retry from its receipt, otherwise append the event to its pathway
 * and write the receipt and the event's hash-chain link in one transaction. A concurrent writer to the same pathway or with the same key makes
 * the transaction fail as a whole; it is then retried from the top, so a race ends as a stored event or as the
 * answer to a retry, never as a duplicate.
 */
@Service
public class IngestionService {
    private static final int MAX_ATTEMPTS = 10;
    private static final int LOCK_STRIPES = 1024;

    private final FactParser parser;
    private final Receipts receipts;
    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final EventChain chain;
    private final Lock[] pathwayLocks = new Lock[LOCK_STRIPES];

    IngestionService(FactParser parser, Receipts receipts, CommandGateway commands,
                     PlatformTransactionManager transactionManager, Clock clock, EventChain chain) {
        this.chain = chain;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            pathwayLocks[i] = new ReentrantLock();
        }
        this.parser = parser;
        this.receipts = receipts;
        this.commands = commands;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public IngestOutcome ingest(String source, JsonNode event) {
        ParsedFact parsed;
        try {
            parsed = parser.parse(event, source);
        } catch (InvalidRequest e) {
            return new IngestOutcome.Invalid(readableEventId(event), e.problems());
        }
        return storeOnce(source, parsed);
    }

    /**
     * Records that a coordinator acknowledged a gap: a GAP_ACKNOWLEDGED fact on the gap's pathway, stored like any
     * other (receipt, hash-chain link), with the coordinator's client as source.
     */
    public IngestOutcome acknowledge(String source, String subject, String pathwayId, String gapId, String note) {
        GapAcknowledged fact = new GapAcknowledged(new EventMeta("ack-" + UUID.randomUUID(), source,
                clock.instant().truncatedTo(ChronoUnit.MICROS), null, null, null), gapId, note, subject);
        return storeOnce(source, new ParsedFact(pathwayId, fact, parser.contentHash(pathwayId, fact)));
    }

    private IngestOutcome storeOnce(String source, ParsedFact parsed) {
        String eventId = parsed.fact().eventId();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            var existing = receipts.find(source, eventId);
            if (existing.isPresent()) {
                return existing.get().contentHash().equals(parsed.contentHash())
                        ? new IngestOutcome.Stored(existing.get().receipt(), false)
                        : new IngestOutcome.Conflict(eventId);
            }
            try {
                return new IngestOutcome.Stored(store(source, parsed), true);
            } catch (RuntimeException e) {
                Optional<Throwable> rejected = cause(e, RetractionRejected.class);
                if (rejected.isPresent()) {
                    return new IngestOutcome.Invalid(eventId, List.of(new FieldProblem("retractedEventId",
                            rejected.get().getMessage())));
                }
                if (!isConflict(e)) {
                    throw e;
                }
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L << Math.min(attempt, 5)));
            }
        }
        return new IngestOutcome.Busy(eventId);
    }

    /**
     * Appends under a per-pathway lock held for the whole transaction. Axon's own aggregate lock ends with its unit
     * of work, before this transaction (receipt, chain link) commits, so without this lock a second writer to the
     * same pathway would load a stale aggregate, collide on the sequence index, roll back and retry; each rollback
     * also leaves a gap in the global index that every streaming processor then carries (measured: 14 % of CPU in
     * copying token gap sets; docs/performance.md). Across instances the unique index still decides.
     */
    private Receipt store(String source, ParsedFact parsed) {
        Lock lock = pathwayLocks[Math.floorMod(parsed.pathwayId().hashCode(), pathwayLocks.length)];
        lock.lock();
        try {
            return appendInTransaction(source, parsed);
        } finally {
            lock.unlock();
        }
    }

    private Receipt appendInTransaction(String source, ParsedFact parsed) {
        return transaction.execute(status -> {
            FactRecorded recorded = commands.sendAndWait(
                    new RecordFact(parsed.pathwayId(), parsed.fact(), clock.instant().truncatedTo(ChronoUnit.MICROS)));
            Receipt receipt = new Receipt(parsed.fact().eventId(), recorded.pathwayId(), recorded.sequence(),
                    recorded.recordedAt());
            receipts.insert(source, receipt, parsed.contentHash());
            chain.append(recorded.pathwayId(), recorded.sequence());
            return receipt;
        });
    }

    private static boolean isConflict(Throwable e) {
        return Stream.of(ConcurrencyException.class, AggregateStreamCreationException.class,
                DuplicateKeyException.class, LockAcquisitionFailedException.class)
                .anyMatch(type -> cause(e, type).isPresent());
    }

    /** The first throwable of {@code type} in the cause chain: the command bus may wrap what the aggregate threw. */
    private static Optional<Throwable> cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static String readableEventId(JsonNode event) {
        JsonNode id = event == null ? null : event.get("eventId");
        return id != null && id.isString() && no.pathway.core.value.Identifier.isValid(id.stringValue())
                ? id.stringValue() : null;
    }
}
