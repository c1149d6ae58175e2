package no.pathway.projections;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.gaps.Acknowledgement;
import no.pathway.projections.gaps.FollowUp;
import no.pathway.projections.gaps.GapRows;
import no.pathway.projections.quarantine.PathwayIsolation;
import no.pathway.projections.quarantine.Quarantine;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the gap and summary read models in step with the event store. A new event marks its pathway; before the
 * batch commits (in the same transaction as the processor's token) each marked pathway is judged once, from all
 * its recorded events, and its rows are replaced. So the rows are a function of the event store alone: a reset
 * and replay gives the same rows and the same gap ids, and a pathway is judged once per batch however many of
 * its events the batch holds. Both read models share one processor because both need the whole pathway.
 *
 * <p>One pathway never stalls the others: when judging fails for a reason of a pathway, each pathway is judged again
 * alone and those that still fail are set aside in the {@link Quarantine} in the same transaction, while the rest
 * are written ({@link PathwayIsolation}). Their later events are counted against them, not judged,
 * until an operator retries them. A transient or environmental failure sets nothing aside: it rolls the batch back
 * and the processor retries it.
 */
@Component
@ProcessingGroup(ReadModelProjection.PROCESSING_GROUP)
public class ReadModelProjection {
    public static final String PROCESSING_GROUP = "pathway-read-models";
    private static final int REBUILD_CHUNK = 1000;
    private static final String BATCH = ReadModelProjection.class.getName() + ".batch";

    /** What a retry of a set-aside pathway came to. */
    public enum Retry { RELEASED, STILL_SET_ASIDE, NOT_SET_ASIDE }

    private final StoredEvents stored;
    private final GapEngine engine;
    private final GapRows gaps;
    private final PathwaySummaries summaries;
    private final BatchObserver observer;
    private final Quarantine quarantine;
    private final PathwayIsolation isolation;
    private final JdbcTemplate jdbc;
    private final Duration batchStatementTimeout;
    private final Duration rebuildTimeout;

    /**
     * @param batchStatementTimeout how long one statement of a processor batch may take (a batch can read many
     *                              pathways' events at once; the session's default bound is meant for requests)
     * @param rebuildTimeout        how long one statement of a rebuild may take: it reads the whole store in one
     */
    public ReadModelProjection(StoredEvents stored, GapEngine engine, GapRows gaps, PathwaySummaries summaries,
                               BatchObserver observer, Quarantine quarantine, PathwayIsolation isolation,
                               JdbcTemplate jdbc,
                               @Value("${pathway.read-models.batch-statement-timeout:PT60S}") Duration batchStatementTimeout,
                               @Value("${pathway.read-models.rebuild-timeout:PT30M}") Duration rebuildTimeout) {
        this.stored = stored;
        this.engine = engine;
        this.gaps = gaps;
        this.summaries = summaries;
        this.observer = observer;
        this.quarantine = quarantine;
        this.isolation = isolation;
        this.jdbc = jdbc;
        this.batchStatementTimeout = batchStatementTimeout;
        this.rebuildTimeout = rebuildTimeout;
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

    /** The pathways a batch touched with their number of events, and when the oldest of its events was recorded. */
    private static final class Batch {
        private final Map<String, Integer> events = new LinkedHashMap<>();
        private final Instant reached;
        private Instant oldest;

        Batch(Instant reached) {
            this.reached = reached;
        }

        void add(String pathwayId, Instant recordedAt) {
            events.merge(pathwayId, 1, Integer::sum);
            if (recordedAt != null && (oldest == null || recordedAt.isBefore(oldest))) {
                oldest = recordedAt;
            }
        }

        Duration waited() {
            return oldest == null || oldest.isAfter(reached) ? Duration.ZERO : Duration.between(oldest, reached);
        }
    }

    /**
     * Judges each pathway of the batch from everything recorded and replaces its rows, in a few statements; a pathway
     * already set aside only has its new events counted.
     */
    private void judge(Batch batch) {
        long start = System.nanoTime();
        boundStatements(batchStatementTimeout);
        Set<String> pathways = new LinkedHashSet<>(batch.events.keySet());
        pathways.removeAll(quarantine.noteLaterEvents(batch.events));
        isolation.judgeOrSetAside(pathways, ids -> replace(stored.of(ids)));
        observer.judged(batch.events.size(), batch.waited(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Replaces both read models whole: empties them and judges every stored pathway once, reading the event store
     * in one pass. A replay through the processor judges a pathway again for every batch that holds one of its
     * events, re-reading all of them each time (docs/performance.md). Runs in the caller's transaction, so readers
     * see the old rows until it commits, then the new ones. A pathway that fails is set aside, as in the processor;
     * one that was set aside and now succeeds is released.
     */
    public void rebuild() {
        rebuild(Progress.UNWATCHED);
    }

    /** How far a rebuild has come: the pathways in the store first, then each chunk of them as it is judged. */
    public interface Progress {
        Progress UNWATCHED = new Progress() {
        };

        default void pathways(long total) {
        }

        default void judged(int pathways) {
        }
    }

    /** {@link #rebuild()}, telling {@code progress} how far it has come (for the operator's progress bar). */
    public void rebuild(Progress progress) {
        boundStatements(rebuildTimeout);
        progress.pathways(stored.pathwayCount());
        gaps.deleteAll();
        summaries.deleteAll();
        stored.forEachChunk(REBUILD_CHUNK, chunk -> {
            Set<String> setAside = isolation.judgeOrSetAside(chunk.keySet(),
                    ids -> replace(stored.deserialize(only(chunk, ids))));
            quarantine.release(chunk.keySet().stream().filter(p -> !setAside.contains(p)).toList());
            progress.judged(chunk.size());
        });
    }

    /**
     * Judges a set-aside pathway again from all its events, in the caller's transaction, and releases it when that
     * succeeds. Its entry is locked first, so a processor batch holding a new event of it waits for the outcome.
     */
    public Retry retry(String pathwayId) {
        if (quarantine.lock(pathwayId).isEmpty()) {
            return Retry.NOT_SET_ASIDE;
        }
        if (!isolation.judgeOrSetAside(List.of(pathwayId), ids -> replace(stored.of(ids))).isEmpty()) {
            return Retry.STILL_SET_ASIDE;
        }
        quarantine.release(List.of(pathwayId));
        return Retry.RELEASED;
    }

    /** Bounds each statement of the current transaction: a long operation sets its own bound, not the session's. */
    private void boundStatements(Duration bound) {
        jdbc.execute("SET LOCAL statement_timeout = " + bound.toMillis());
    }

    private static <V> Map<String, V> only(Map<String, V> all, Collection<String> keys) {
        Map<String, V> some = new LinkedHashMap<>();
        keys.forEach(k -> some.put(k, all.get(k)));
        return some;
    }

    private void replace(Map<String, List<PathwayEvent>> eventsByPathway) {
        Map<String, List<Gap>> judged = new HashMap<>();
        Map<String, Acknowledgement> acknowledgements = new HashMap<>();
        Map<String, FollowUp> followUps = new HashMap<>();
        Map<String, PathwaySummary> summarised = new HashMap<>();
        eventsByPathway.forEach((pathwayId, events) -> {
            judged.put(pathwayId, engine.evaluateAll(pathwayId, events));
            acknowledgements.putAll(Acknowledgement.latest(events, Instant.MAX, Instant.MAX));
            followUps.putAll(FollowUp.of(events, Instant.MAX, Instant.MAX));
            summarised.put(pathwayId, PathwaySummary.of(events));
        });
        gaps.replace(judged, acknowledgements, followUps);
        summaries.save(summarised);
    }

    /** Before a replay: the read models and the quarantine start empty, and the replay sets aside what still fails. */
    @ResetHandler
    void reset() {
        gaps.deleteAll();
        summaries.deleteAll();
        quarantine.clear();
    }
}
