package no.pathway.api.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.pathway.api.audit.EventChain;
import no.pathway.api.identity.IdentityVault;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.pathway.FactOutcome;
import no.pathway.core.pathway.RecordFacts;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One round of a group in one transaction: one receipt query, one command per pathway (its events in order), one
 * batch each of receipts, hash-chain links and identity-vault rows for persons new to the vault, one commit. What to
 * write is worked out by {@link Round}; this class does the reading and writing.
 */
@Component
class GroupTransaction {
    private final Receipts receipts;
    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final EventChain chain;
    private final IdentityVault vault;
    private final int maxPathwayEvents;

    GroupTransaction(Receipts receipts, CommandGateway commands, PlatformTransactionManager transactionManager,
                     Clock clock, EventChain chain, IdentityVault vault, IngestProperties properties) {
        this.maxPathwayEvents = properties.maxPathwayEvents();
        this.receipts = receipts;
        this.commands = commands;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.chain = chain;
        this.vault = vault;
    }

    /** The answer of each event of the round (each key at most once), in order, once committed. */
    List<IngestOutcome> store(List<WriteQueue.Item> items) {
        return transaction.execute(status -> {
            Round round = Round.judge(items, receipts.find(items.stream().map(WriteQueue.Item::key).toList()));
            Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Round.Written written = round.recorded(record(round.eventsByPathway(), receivedAt));
            receipts.insert(written.receipts());
            chain.append(written.firstNewSequence());
            vault.keep(written.persons());
            return written.outcomes();
        });
    }

    /**
     * One command per pathway, all inside one Axon unit of work. Axon queues the events its commands apply on the
     * root unit of work and appends them when that commits, so the whole group's events go to the event store as
     * one batched insert instead of one insert per pathway. That insert waits for its turn
     * ({@code CommitOrderEventStorageEngine}), so the global index follows commit order.
     */
    private Map<String, List<FactOutcome>> record(Map<String, List<PathwayEvent>> eventsByPathway, Instant receivedAt) {
        UnitOfWork<?> group = DefaultUnitOfWork.startAndGet(null);
        try {
            Map<String, List<FactOutcome>> recorded = new HashMap<>();
            eventsByPathway.forEach((pathwayId, events) ->
                    recorded.put(pathwayId, commands.sendAndWait(new RecordFacts(pathwayId, events, receivedAt,
                            maxPathwayEvents))));
            group.commit();
            return recorded;
        } catch (RuntimeException e) {
            if (group.isActive()) {
                group.rollback(e);
            }
            throw e;
        }
    }
}
