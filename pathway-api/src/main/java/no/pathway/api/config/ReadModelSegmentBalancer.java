package no.pathway.api.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spreads the read-model processor's segments over the running instances. Axon's pooled processor claims every
 * segment it can get (in the outage drill one of three instances held both segments, and its kill -9 stopped all read
 * models until its claims expired), but it asks a {@link MaxSegmentProvider} how many it may hold and releases any
 * surplus. This one answers the instance's fair share, segments / live instances rounded up. Each instance writes a
 * heartbeat to {@code read_model_node} in the database's clock; an instance is live while its heartbeat is younger
 * than {@code liveness}. So when one dies, the others' share grows within {@code liveness} and they claim its
 * segments as soon as its claims expire (JdbcTokenStore's claim timeout, set to the same bound).
 */
public final class ReadModelSegmentBalancer implements MaxSegmentProvider, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadModelSegmentBalancer.class);
    private static final int ANY = Short.MAX_VALUE;
    /** One statement per heartbeat: the beat, forgetting instances gone for a minute, and the two counts. */
    private static final String BEAT = """
            WITH beat AS (INSERT INTO read_model_node (node_id, seen_at) VALUES (?, now())
                          ON CONFLICT (node_id) DO UPDATE SET seen_at = now()),
                 gone AS (DELETE FROM read_model_node WHERE seen_at < now() - interval '1 minute')
            SELECT (SELECT count(*) FROM read_model_node WHERE node_id <> ? AND seen_at > now() - ?::interval) + 1,
                   (SELECT count(*) FROM token_entry WHERE processor_name = ?)""";

    private final JdbcTemplate jdbc;
    private final String nodeId;
    private final String processorName;
    private final String liveness;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private volatile int fairShare = ANY;

    public ReadModelSegmentBalancer(JdbcTemplate jdbc, String nodeId, String processorName, Duration heartbeat,
                                    Duration liveness) {
        this.jdbc = jdbc;
        this.nodeId = nodeId;
        this.processorName = processorName;
        this.liveness = liveness.toMillis() + " milliseconds";
        ticker.scheduleWithFixedDelay(this::beat, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public int getMaxSegments(String processor) {
        return fairShare;
    }

    private void beat() {
        try {
            jdbc.query(BEAT, rs -> {
                long live = rs.getLong(1);
                long segments = rs.getLong(2);
                // before the processor has created its segments, claim what it can: it creates them on its first claim
                fairShare = segments == 0 ? ANY : (int) Math.max(1, (segments + live - 1) / live);
            }, nodeId, nodeId, liveness, processorName);
        } catch (RuntimeException e) {
            // the database is unavailable: keep the last share; the health shows the outage
            LOG.debug("Read-model heartbeat failed ({})", e.getClass().getName());
        }
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
