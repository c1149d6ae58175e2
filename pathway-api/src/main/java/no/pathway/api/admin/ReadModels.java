package no.pathway.api.admin;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import no.pathway.api.eventstore.ReadModelErrors;
import no.pathway.api.eventstore.ReadModelEventHandler;
import no.pathway.api.health.TimeBound;
import no.pathway.api.http.NotFound;
import no.pathway.api.http.Unavailable;
import no.pathway.projections.PathwayReadModels;
import no.pathway.projections.quarantine.Quarantine;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read-model processor as an operator sees it, measured from the committed tokens (what is durably done)
 * and, for healthy segments only, their live position: the in-memory state alone forgets a segment while it backs
 * off after a failure and calls a finished replay unfinished until a new event arrives.
 */
@Service
public class ReadModels {
    private static final Logger LOG = LoggerFactory.getLogger(ReadModels.class);
    static final int LISTED = 1000;

    /**
     * One segment's committed position. {@code replaying} until the replay has reached the position of the reset
     * (Axon keeps a replay token until a newer event arrives, which on a quiet system may be never).
     */
    public record Segment(int segment, long position, boolean replaying, boolean claimed) {
    }

    /**
     * The processor against the head of the event store. {@code replaying} while a rebuild runs (or a replay after
     * a reset of Axon's tokens); {@code lastFailure} stays until it has caught up; {@code rebuildFailure} until a
     * rebuild succeeds; {@code quarantined} counts the pathways set aside (they do not hold the others back);
     * {@code rebuild} is how far a rebuild on this instance has come, null when none runs here.
     */
    public record Status(String processor, boolean running, long head, long behind, boolean replaying,
                         ReadModelErrors.Failure lastFailure, ReadModelErrors.Failure rebuildFailure,
                         long quarantined, List<Segment> segments, RebuildProgress rebuild) {
        public boolean failing() {
            return lastFailure != null;
        }
    }

    /**
     * A running rebuild: the pathways judged so far of those in the store ({@code pathwaysTotal} null until counted).
     * The judged ones are not yet visible: the rebuild commits them all at once.
     */
    public record RebuildProgress(long pathwaysJudged, Long pathwaysTotal) {
        /** Judged over total, from 0 to 1; null while the total is not known. */
        public Double fraction() {
            return pathwaysTotal == null ? null : pathwaysTotal == 0 ? 1.0
                    : Math.min(1.0, (double) pathwaysJudged / pathwaysTotal);
        }
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final ReadModelErrors errors;
    private final TokenStore tokens;
    private final PathwayReadModels readModels;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Quarantine quarantine;
    private final TimeBound<Status> promptStatus;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private volatile ReadModelErrors.Failure rebuildFailure;
    private final AtomicLong judged = new AtomicLong();
    private volatile Long total;

    ReadModels(EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer serializer,
               ReadModelErrors errors, TokenStore tokens, PathwayReadModels readModels,
               PlatformTransactionManager transactionManager, Clock clock, Quarantine quarantine,
               @Value("${pathway.health.timeout:PT0.75S}") Duration bound) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.errors = errors;
        this.tokens = tokens;
        this.readModels = readModels;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.quarantine = quarantine;
        this.promptStatus = new TimeBound<>("read-model-status", this::status, bound);
    }

    /** The status within the health bound, or {@link Unavailable} when the database does not answer in time. */
    public Status promptStatus() {
        try {
            return promptStatus.get();
        } catch (TimeBound.Exceeded e) {
            throw new Unavailable(e);
        }
    }

    @PreDestroy
    void close() {
        promptStatus.close();
    }

    public Status status() {
        StreamingEventProcessor processor = processor();
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        Map<Integer, EventTrackerStatus> live = processor.processingStatus();
        List<Segment> segments = jdbc.query("SELECT segment, token, token_type, owner FROM token_entry "
                        + "WHERE processor_name = ? ORDER BY segment",
                (rs, n) -> segment(rs.getInt(1), token(rs.getBytes(2), rs.getString(3)), live.get(rs.getInt(1)),
                        rs.getString(4) != null),
                processor.getName());
        long lowest = segments.stream().mapToLong(Segment::position).min().orElse(0);
        long behind = segments.isEmpty() ? head : Math.max(0, head - lowest);
        if (behind == 0) {
            errors.clear();
        }
        boolean replaying = rebuilding.get() || segments.stream().anyMatch(Segment::replaying);
        return new Status(processor.getName(), processor.isRunning(), head, behind, replaying, errors.last(),
                rebuildFailure, quarantine.count(), new ArrayList<>(segments),
                rebuilding.get() ? new RebuildProgress(judged.get(), total) : null);
    }

    /** The pathways set aside, the longest first ({@code pathways} holds at most {@value #LISTED}). */
    public record Quarantined(long count, List<Quarantine.SetAside> pathways) {
    }

    /** What retrying set-aside pathways came to. */
    public record Retried(int released, int stillSetAside) {
    }

    public Quarantined quarantined() {
        return transaction.execute(tx -> new Quarantined(quarantine.count(), quarantine.oldest(LISTED)));
    }

    /**
     * Judges a set-aside pathway again from the event store and releases it if that succeeds; its events recorded
     * meanwhile are judged with it. Refused while a rebuild runs here (which judges it anyway).
     *
     * @return the pathway's entry if it is still set aside, empty if it was released
     * @throws NotFound if the pathway is not set aside
     */
    public Optional<Quarantine.SetAside> retry(String pathwayId) {
        refuseWhileRebuilding();
        return transaction.execute(tx -> switch (readModels.retry(pathwayId)) {
            case RELEASED -> Optional.<Quarantine.SetAside>empty();
            case STILL_SET_ASIDE -> quarantine.lock(pathwayId);
            case NOT_SET_ASIDE -> throw new NotFound("That pathway is not set aside.");
        });
    }

    /** Retries every set-aside pathway, each in a transaction of its own, the longest set aside first. */
    public Retried retryAll() {
        refuseWhileRebuilding();
        int released = 0;
        int still = 0;
        for (Quarantine.SetAside entry : transaction.execute(tx -> quarantine.oldest(Integer.MAX_VALUE))) {
            PathwayReadModels.Retry outcome = transaction.execute(tx -> readModels.retry(entry.pathwayId()));
            if (outcome == PathwayReadModels.Retry.RELEASED) {
                released++;
            } else if (outcome == PathwayReadModels.Retry.STILL_SET_ASIDE) {
                still++;
            }
        }
        return new Retried(released, still);
    }

    private void refuseWhileRebuilding() {
        if (rebuilding.get()) {
            throw new RebuildRunning();
        }
    }

    /** A retry while a rebuild runs on this node: answered 409. */
    public static final class RebuildRunning extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RebuildRunning() {
            super("rebuild running", null, false, false);
        }
    }

    /**
     * Starts a rebuild of both read models from the event store, in the background, and answers at once. The
     * processor stops and this node claims every segment (refused with {@link UnableToClaimTokenException}, nothing
     * changed, when another node still holds one); then one transaction empties the read models and judges every
     * pathway once ({@link PathwayReadModels#rebuild}), so dashboards show the old rows until the new ones are
     * complete. The processor's tokens are left where they were: afterwards it re-judges the pathways of events that
     * arrived meanwhile, which is harmless, since rows are a function of the event store. A rebuild already under
     * way is not started twice.
     */
    public synchronized Status rebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return status();
        }
        judged.set(0);
        total = null;
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        try {
            transaction.executeWithoutResult(tx -> claimEverySegment(processor.getName()));
            Thread worker = new Thread(() -> rebuildThenRestart(processor), "read-model-rebuild");
            worker.setDaemon(true);
            worker.start();
        } catch (RuntimeException | Error e) {
            rebuilding.set(false);
            processor.start();
            throw e;
        }
        return status();
    }

    private void rebuildThenRestart(StreamingEventProcessor processor) {
        try {
            transaction.executeWithoutResult(tx -> {
                claimEverySegment(processor.getName());
                readModels.rebuild(new PathwayReadModels.Progress() {
                    @Override
                    public void pathways(long count) {
                        total = count;
                    }

                    @Override
                    public void judged(int pathways) {
                        judged.addAndGet(pathways);
                    }
                });
            });
            rebuildFailure = null;
        } catch (RuntimeException | Error e) {
            // the type only: a message may quote data; the transaction rolled back, so the old rows stand
            rebuildFailure = new ReadModelErrors.Failure(clock.instant(), e.getClass().getSimpleName());
            LOG.error("Read-model rebuild failed ({}); the read models are unchanged", e.getClass().getName());
        } finally {
            rebuilding.set(false);
            processor.start();
        }
    }

    /** Claims each segment for this node (for the transaction's length at least), or throws. */
    private void claimEverySegment(String processorName) {
        for (int segment : tokens.fetchSegments(processorName)) {
            tokens.fetchToken(processorName, segment);
        }
    }

    private TrackingToken token(byte[] token, String type) {
        return token == null ? null
                : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }

    /**
     * A segment's position: its committed token, or further when its healthy work package has moved on (an idle
     * segment stores its token only every few seconds, though it has nothing left to do).
     */
    private static Segment segment(int segment, TrackingToken token, EventTrackerStatus live, boolean claimed) {
        long committed = token == null ? 0 : token.position().orElse(0);
        long position = live == null || live.isErrorState() ? committed
                : Math.max(committed, live.getCurrentPosition().orElse(committed));
        boolean replaying = token instanceof ReplayToken replay && replay.getTokenAtReset() != null
                && position < replay.getTokenAtReset().position().orElse(0);
        return new Segment(segment, position, replaying, claimed);
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(ReadModelEventHandler.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no read-model processor"));
    }
}
