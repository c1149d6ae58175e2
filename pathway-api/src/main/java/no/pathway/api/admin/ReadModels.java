package no.pathway.api.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.pathway.projections.ReadModelProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The read-model processor as an operator sees it, measured from the committed tokens (what is durably done)
 * and, for healthy segments only, their live position: the in-memory state alone forgets a segment while it backs
 * off after a failure and calls a finished replay unfinished until a new event arrives.
 */
@Service
public class ReadModels {
    /**
     * One segment's committed position. {@code replaying} until the replay has reached the position of the reset
     * (Axon keeps a replay token until a newer event arrives, which on a quiet system may be never).
     */
    public record Segment(int segment, long position, boolean replaying, boolean claimed) {
    }

    /** The processor against the head of the event store. {@code lastFailure} stays until it has caught up. */
    public record Status(String processor, boolean running, long head, long behind, boolean replaying,
                         ReadModelErrors.Failure lastFailure, List<Segment> segments) {
        public boolean failing() {
            return lastFailure != null;
        }
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final ReadModelErrors errors;

    ReadModels(EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer serializer,
               ReadModelErrors errors) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.errors = errors;
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
        boolean replaying = segments.stream().anyMatch(Segment::replaying);
        return new Status(processor.getName(), processor.isRunning(), head, behind, replaying, errors.last(),
                new ArrayList<>(segments));
    }

    /**
     * Empties the read models and rebuilds them from the first event; they fill again as the replay runs. The
     * processor runs again afterwards whatever happens; when another node still holds a segment the reset is
     * refused with {@link UnableToClaimTokenException} and nothing changes.
     */
    public synchronized Status rebuild() {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        try {
            processor.resetTokens();
        } finally {
            processor.start();
        }
        return status();
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
        return processing.eventProcessor(ReadModelProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no read-model processor"));
    }
}
