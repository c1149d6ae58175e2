package no.pathway.api.eventstore;

import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.NewEvents;
import no.pathway.projections.PathwayReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * The read models' Axon processor, as thin as Axon allows: each event of a batch is noted in the batch's
 * {@link NewEvents} (a resource of the batch's root unit of work), and just before the batch commits, in the
 * transaction that moves the processor's token, {@link PathwayReadModels#judge} judges each pathway once. The
 * payload is not asked for: the pathway is judged from the store, so Axon need not deserialize each event a second
 * time (deserializing stored events took 11 % of the service's CPU samples in bulk ingest, docs/performance.md).
 */
@Component
@ProcessingGroup(ReadModelEventHandler.PROCESSING_GROUP)
public class ReadModelEventHandler {
    public static final String PROCESSING_GROUP = "pathway-read-models";
    private static final String BATCH = ReadModelEventHandler.class.getName() + ".batch";

    private final PathwayReadModels readModels;

    ReadModelEventHandler(PathwayReadModels readModels) {
        this.readModels = readModels;
    }

    @EventHandler(payloadType = PathwayEvent.class)
    void on(DomainEventMessage<?> message, ReplayStatus replay) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        NewEvents batch = root.getOrComputeResource(BATCH, key -> {
            NewEvents started = new NewEvents();
            root.onPrepareCommit(u -> readModels.judge(started));
            return started;
        });
        batch.add(message.getAggregateIdentifier(), message.getSequenceNumber(), replay.isReplay());
    }

    /** Before a replay: the read models and the quarantine start empty, and the replay sets aside what still fails. */
    @ResetHandler
    void reset() {
        readModels.clear();
    }
}
