package no.pathway.projections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The gap and summary read models, kept as a function of the event store: {@link #replace} judges each given pathway
 * from all its events and replaces its rows. Nothing here knows who calls it or how events are delivered: the Axon
 * processor's handler ({@code no.pathway.api.eventstore.ReadModelEventHandler}) collects a batch's
 * {@link NewEvents} and hands them to {@link #judge} before the batch commits, in the transaction that also moves the
 * processor's token; an operator's {@link #rebuild} and {@link #retry} run in a transaction of their own. So a reset
 * and replay gives the same rows and the same gap ids, and a pathway is judged once per batch however many of its
 * events the batch holds. Both read models share one processor because both need the whole pathway.
 *
 * <p>One pathway never stalls the others: when judging fails for a reason of a pathway, each pathway is judged again
 * alone and those that still fail are set aside in the {@link Quarantine} in the same transaction, while the rest
 * are written ({@link PathwayIsolation}). Their later events are counted against them, not judged,
 * until an operator retries them. A transient or environmental failure sets nothing aside: it propagates, so the
 * caller's transaction rolls back whole (the processor then retries the batch: nothing is skipped).
 */
@Component
public class PathwayReadModels {
    private static final int REBUILD_CHUNK = 1000;

    /** What a retry of a set-aside pathway came to. */
    public enum Retry { RELEASED, STILL_SET_ASIDE, NOT_SET_ASIDE }

    private final RecordedEvents recorded;
    private final GapEngine engine;
    private final GapRows gaps;
    private final PathwaySummaries summaries;
    private final BatchObserver observer;
    private final Quarantine quarantine;
    private final PathwayIsolation isolation;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration batchStatementTimeout;
    private final Duration rebuildTimeout;

    /**
     * @param batchStatementTimeout how long one statement of a processor batch may take (a batch can read many
     *                              pathways' events at once; the session's default bound is meant for requests)
     * @param rebuildTimeout        how long one statement of a rebuild may take: it reads the whole store in one
     */
    public PathwayReadModels(RecordedEvents recorded, GapEngine engine, GapRows gaps, PathwaySummaries summaries,
                             BatchObserver observer, Quarantine quarantine, PathwayIsolation isolation,
                             JdbcTemplate jdbc, Clock clock,
                             @Value("${pathway.read-models.batch-statement-timeout:PT60S}") Duration batchStatementTimeout,
                             @Value("${pathway.read-models.rebuild-timeout:PT30M}") Duration rebuildTimeout) {
        this.recorded = recorded;
        this.engine = engine;
        this.gaps = gaps;
        this.summaries = summaries;
        this.observer = observer;
        this.quarantine = quarantine;
        this.isolation = isolation;
        this.jdbc = jdbc;
        this.clock = clock;
        this.batchStatementTimeout = batchStatementTimeout;
        this.rebuildTimeout = rebuildTimeout;
    }

    /**
     * Judges each pathway with new events from everything recorded and replaces its rows, in the caller's
     * transaction, in a few statements; a pathway already set aside only has its new events counted. Tells the
     * {@link BatchObserver} how many pathways it judged, how long it took, and how long the batch's oldest event had
     * waited: from its {@code recordedAt} to now by the injected clock (zero in a replay; a set-aside pathway's events
     * are counted, not read, so they are not timed).
     */
    public void judge(NewEvents batch) {
        long start = System.nanoTime();
        Instant reached = clock.instant();
        boundStatements(batchStatementTimeout);
        Set<String> pathways = new LinkedHashSet<>(batch.counts().keySet());
        pathways.removeAll(quarantine.noteLaterEvents(batch.counts()));
        AtomicReference<Instant> oldest = new AtomicReference<>();
        isolation.judgeOrSetAside(pathways, ids -> {
            Map<String, List<PathwayEvent>> events = recorded.of(ids);
            events.forEach((pathwayId, all) -> oldest.accumulateAndGet(
                    recordedAt(all, batch.firstSequence(pathwayId)), PathwayReadModels::earlier));
            replace(events);
        });
        observer.judged(batch.counts().size(), waited(oldest.get(), reached),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static Instant recordedAt(List<PathwayEvent> events, long sequence) {
        return sequence < 0 || sequence >= events.size() ? null : events.get((int) sequence).recordedAt();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Duration waited(Instant oldest, Instant reached) {
        return oldest == null || oldest.isAfter(reached) ? Duration.ZERO : Duration.between(oldest, reached);
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
        progress.pathways(recorded.pathwayCount());
        gaps.deleteAll();
        summaries.deleteAll();
        recorded.forEachChunk(REBUILD_CHUNK, chunk -> {
            Set<String> setAside = isolation.judgeOrSetAside(chunk.pathways(), ids -> replace(chunk.events(ids)));
            quarantine.release(chunk.pathways().stream().filter(p -> !setAside.contains(p)).toList());
            progress.judged(chunk.pathways().size());
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
        if (!isolation.judgeOrSetAside(List.of(pathwayId), ids -> replace(recorded.of(ids))).isEmpty()) {
            return Retry.STILL_SET_ASIDE;
        }
        quarantine.release(List.of(pathwayId));
        return Retry.RELEASED;
    }

    /** Before a replay: the read models and the quarantine start empty, and the replay sets aside what still fails. */
    public void clear() {
        gaps.deleteAll();
        summaries.deleteAll();
        quarantine.clear();
    }

    /**
     * The read models' one write: judges each pathway from the events given (all of its events, in sequence order)
     * and replaces its gap and summary rows, in the caller's transaction. A failure propagates; isolating a bad
     * pathway is {@link #judge}'s and {@link #rebuild}'s work.
     */
    public void replace(Map<String, List<PathwayEvent>> eventsByPathway) {
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

    /** Bounds each statement of the current transaction: a long operation sets its own bound, not the session's. */
    private void boundStatements(Duration bound) {
        jdbc.execute("SET LOCAL statement_timeout = " + bound.toMillis());
    }
}
