package no.pathway.api.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import no.pathway.projections.ReadModelProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The read-model processor as an operator sees it: position, lag, errors, and a rebuild. */
@Service
public class ReadModels {
    /** One segment's state. */
    public record Segment(int segment, long position, boolean replaying, boolean caughtUp, String error) {
    }

    /** The processor's state against the head of the event store. */
    public record Status(String processor, boolean running, boolean error, long head, long behind,
                         boolean replaying, List<Segment> segments) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    ReadModels(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    public Status status() {
        StreamingEventProcessor processor = processor();
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
        List<Segment> segments = new ArrayList<>();
        long lowest = statuses.isEmpty() ? 0 : Long.MAX_VALUE;
        for (EventTrackerStatus s : statuses.values()) {
            OptionalLong position = s.getCurrentPosition();
            lowest = Math.min(lowest, position.orElse(0));
            segments.add(new Segment(s.getSegment().getSegmentId(), position.orElse(0), s.isReplaying(),
                    s.isCaughtUp(), s.isErrorState() ? s.getError().getClass().getSimpleName() : null));
        }
        boolean error = statuses.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        boolean replaying = statuses.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        return new Status(processor.getName(), processor.isRunning(), error, head, Math.max(0, head - lowest),
                replaying, segments);
    }

    /** Empties the read models and rebuilds them from the first event; they fill again as the replay runs. */
    public synchronized Status rebuild() {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return status();
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(ReadModelProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no read-model processor"));
    }
}
