package no.pathway.projections;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.gaps.Acknowledgement;
import no.pathway.projections.gaps.GapRows;
import no.pathway.projections.summary.PathwaySummaries;
import no.pathway.projections.summary.PathwaySummary;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps the gap and summary read models in step with the event store. A new event marks its pathway; before the
 * batch commits (in the same transaction as the processor's token) each marked pathway is judged once, from all
 * its recorded events, and its rows are replaced. So the rows are a function of the event store alone: a reset
 * and replay gives the same rows and the same gap ids, and a pathway is judged once per batch however many of
 * its events the batch holds. Both read models share one processor because both need the whole pathway.
 */
@Component
@ProcessingGroup(ReadModelProjection.PROCESSING_GROUP)
public class ReadModelProjection {
    public static final String PROCESSING_GROUP = "pathway-read-models";
    private static final int REBUILD_CHUNK = 1000;
    private static final String BATCH = ReadModelProjection.class.getName() + ".batch";

    private final StoredEvents stored;
    private final GapEngine engine;
    private final GapRows gaps;
    private final PathwaySummaries summaries;
    private final BatchObserver observer;

    public ReadModelProjection(StoredEvents stored, GapEngine engine, GapRows gaps, PathwaySummaries summaries,
                               BatchObserver observer) {
        this.stored = stored;
        this.engine = engine;
        this.gaps = gaps;
        this.summaries = summaries;
        this.observer = observer;
    }

    /**
     * Marks the event's pathway. The payload is not asked for: the pathway is judged from the store, so Axon need
     * not deserialize each event a second time (deserializing stored events took 11 % of the service's CPU samples in
     * bulk ingest, docs/performance.md).
     */
    @EventHandler(payloadType = PathwayEvent.class)
    void on(DomainEventMessage<?> message, ReplayStatus replay) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Batch batch = root.getOrComputeResource(BATCH, key -> {
            Batch started = new Batch(GenericEventMessage.clock.instant());
            root.onPrepareCommit(u -> judge(started));
            return started;
        });
        batch.add(message.getAggregateIdentifier(), replay.isReplay() ? null : message.getTimestamp());
    }

    /** The pathways a batch touched, and when the oldest of its events was recorded. */
    private static final class Batch {
        private final Set<String> pathways = new LinkedHashSet<>();
        private final Instant reached;
        private Instant oldest;

        Batch(Instant reached) {
            this.reached = reached;
        }

        void add(String pathwayId, Instant recordedAt) {
            pathways.add(pathwayId);
            if (recordedAt != null && (oldest == null || recordedAt.isBefore(oldest))) {
                oldest = recordedAt;
            }
        }

        Duration waited() {
            return oldest == null || oldest.isAfter(reached) ? Duration.ZERO : Duration.between(oldest, reached);
        }
    }

    /** Judges each pathway of the batch from everything recorded and replaces its rows, in a few statements. */
    private void judge(Batch batch) {
        long start = System.nanoTime();
        replace(stored.of(batch.pathways));
        observer.judged(batch.pathways.size(), batch.waited(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Replaces both read models whole: empties them and judges every stored pathway once, reading the event store
     * in one pass. A replay through the processor judges a pathway again for every batch that holds one of its
     * events, re-reading all of them each time (docs/performance.md). Runs in the caller's transaction, so readers
     * see the old rows until it commits, then the new ones.
     */
    public void rebuild() {
        gaps.deleteAll();
        summaries.deleteAll();
        stored.forEachChunk(REBUILD_CHUNK, this::replace);
    }

    private void replace(Map<String, List<PathwayEvent>> eventsByPathway) {
        Map<String, List<Gap>> judged = new HashMap<>();
        Map<String, Acknowledgement> acknowledgements = new HashMap<>();
        Map<String, PathwaySummary> summarised = new HashMap<>();
        eventsByPathway.forEach((pathwayId, events) -> {
            judged.put(pathwayId, engine.evaluateAll(pathwayId, events));
            acknowledgements.putAll(Acknowledgement.latest(events, Instant.MAX, Instant.MAX));
            summarised.put(pathwayId, PathwaySummary.of(events));
        });
        gaps.replace(judged, acknowledgements);
        summaries.save(summarised);
    }

    @ResetHandler
    void reset() {
        gaps.deleteAll();
        summaries.deleteAll();
    }
}
