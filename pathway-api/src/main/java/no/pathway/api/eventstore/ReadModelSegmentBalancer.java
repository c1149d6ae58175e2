package no.pathway.api.eventstore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spreads the read-model processor's segments over the running instances, and takes over a dead instance's share.
 *
 * <p>Axon's pooled processor claims every segment it can get (in the outage drill one of three instances held both
 * segments, and its kill -9 stopped all read models until its claims expired), but it asks a
 * {@link MaxSegmentProvider} how many it may hold and releases any surplus. This one answers the instance's fair
 * share, segments / live instances rounded up. Each instance writes a heartbeat to {@code read_model_node} in the
 * database's clock; an instance is live while its heartbeat is younger than {@code liveness}.
 *
 * <p>When an instance is short of its share and a segment's owner is gone (no owner, or one without a heartbeat), it
 * asks its processor to claim that segment ({@link StreamingEventProcessor#claimSegment}), which succeeds once the
 * dead owner's claim has expired (JdbcTokenStore's claim timeout, the same bound). Axon's own search for unclaimed
 * segments would do the same, except for segments this instance released earlier to balance the load: Axon counts
 * the release of a segment whose batch is still running as an error and blocks it from being claimed again with a
 * back-off that doubles on every coordination round until that batch ends (up to a minute; 16 s in one run of
 * {@code MultiInstanceIT}). An explicit claim clears that block.
 */
public final class ReadModelSegmentBalancer implements MaxSegmentProvider, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadModelSegmentBalancer.class);
    private static final int ANY = Short.MAX_VALUE;
    /** One statement per heartbeat: the beat, forgetting instances gone for a minute, and each segment's owner. */
    private static final String BEAT = """
            WITH beat AS (INSERT INTO read_model_node (node_id, seen_at) VALUES (?, now())
                          ON CONFLICT (node_id) DO UPDATE SET seen_at = now()),
                 gone AS (DELETE FROM read_model_node WHERE seen_at < now() - interval '1 minute'),
                 live AS (SELECT node_id FROM read_model_node WHERE node_id <> ? AND seen_at > now() - ?::interval)
            SELECT t.segment, t.owner IS NOT NULL AND t.owner = ? AS mine,
                   t.owner IS NULL OR (t.owner <> ? AND t.owner NOT IN (SELECT node_id FROM live)) AS orphaned,
                   (SELECT count(*) FROM live) + 1 AS instances
            FROM token_entry t WHERE t.processor_name = ? ORDER BY t.segment""";

    /** A segment as the heartbeat saw it. */
    private record Seen(int segment, boolean mine, boolean orphaned, long instances) {
    }

    private final JdbcTemplate jdbc;
    private final String nodeId;
    private final String processorName;
    private final String liveness;
    private final Supplier<Optional<StreamingEventProcessor>> processor;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private volatile int fairShare = ANY;

    public ReadModelSegmentBalancer(JdbcTemplate jdbc, String nodeId, String processorName,
                                    Supplier<Optional<StreamingEventProcessor>> processor, Duration heartbeat,
                                    Duration liveness) {
        this.jdbc = jdbc;
        this.nodeId = nodeId;
        this.processorName = processorName;
        this.processor = processor;
        this.liveness = liveness.toMillis() + " milliseconds";
        ticker.scheduleWithFixedDelay(this::beat, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public int getMaxSegments(String processor) {
        return fairShare;
    }

    private void beat() {
        List<Seen> segments;
        try {
            segments = jdbc.query(BEAT, (rs, n) -> new Seen(rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3),
                    rs.getLong(4)), nodeId, nodeId, liveness, nodeId, nodeId, processorName);
        } catch (RuntimeException e) {
            // the database is unavailable: keep the last share; the health shows the outage
            LOG.debug("Read-model heartbeat failed ({})", e.getClass().getName());
            return;
        }
        // before the processor has created its segments, claim what it can: it creates them on its first claim
        fairShare = segments.isEmpty() ? ANY
                : (int) Math.max(1, (segments.size() + segments.get(0).instances() - 1) / segments.get(0).instances());
        takeOverOrphans(segments);
    }

    private void takeOverOrphans(List<Seen> segments) {
        long missing = fairShare - segments.stream().filter(Seen::mine).count();
        List<Integer> orphans = new ArrayList<>();
        segments.stream().filter(Seen::orphaned).limit(Math.max(0, missing)).forEach(s -> orphans.add(s.segment()));
        if (orphans.isEmpty()) {
            return;
        }
        processor.get().filter(StreamingEventProcessor::isRunning)
                .ifPresent(p -> orphans.forEach(p::claimSegment));
    }

    /** Stops beating and leaves the instance list, so the others take its share at once. */
    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            jdbc.update("DELETE FROM read_model_node WHERE node_id = ?", nodeId);
        } catch (RuntimeException e) {
            // its heartbeat ages out within the liveness bound instead
        }
    }
}
