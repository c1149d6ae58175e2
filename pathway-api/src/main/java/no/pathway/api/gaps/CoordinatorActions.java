package no.pathway.api.gaps;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import no.pathway.api.ingest.IngestOutcome;
import no.pathway.api.logging.RequestIds;
import no.pathway.api.ingest.IngestionService;
import no.pathway.api.ingest.ParsedEvent;
import no.pathway.api.ingest.Source;
import no.pathway.core.event.EventMeta;
import no.pathway.core.event.FactType;
import no.pathway.core.event.FollowUpAttempted;
import no.pathway.core.event.FollowUpOutcome;
import no.pathway.core.event.GapAcknowledged;
import no.pathway.core.event.GapAssigned;
import no.pathway.core.event.PathwayEvent;
import org.springframework.stereotype.Component;

/**
 * The coordinators' adapter in front of the ingestion port: a coordinator's acknowledgement of a gap, assignment of
 * it and follow-up attempt on it each become an event on the gap's pathway (GAP_ACKNOWLEDGED, GAP_ASSIGNED,
 * FOLLOW_UP_ATTEMPTED), stored like any other (receipt, hash-chain link), with the coordinator's client as source,
 * occurring now.
 */
@Component
class CoordinatorActions {
    private final IngestionService ingestion;
    private final Clock clock;

    CoordinatorActions(IngestionService ingestion, Clock clock) {
        this.ingestion = ingestion;
        this.clock = clock;
    }

    IngestOutcome acknowledge(String client, String subject, String pathwayId, String gapId, String note) {
        return record(client, pathwayId, new GapAcknowledged(meta("ack-", client), gapId, note, subject));
    }

    /** A coordinator ({@code subject}) assigned a gap to {@code assignee}: a GAP_ASSIGNED event. */
    IngestOutcome assign(String client, String subject, String pathwayId, String gapId, String assignee) {
        return record(client, pathwayId, new GapAssigned(meta("assign-", client), gapId, assignee, subject));
    }

    /** A coordinator's follow-up attempt on a gap: a FOLLOW_UP_ATTEMPTED event, one entry of its call log. */
    IngestOutcome followUp(String client, String subject, String pathwayId, String gapId, FollowUpOutcome outcome,
                           String note) {
        return record(client, pathwayId,
                new FollowUpAttempted(meta("follow-up-", client), gapId, outcome, note, subject));
    }

    private IngestOutcome record(String client, String pathwayId, PathwayEvent event) {
        return ingestion.record(Source.service(client, event.type()), List.of(new ParsedEvent(pathwayId, null, event)))
                .get(0);
    }

    private EventMeta meta(String prefix, String client) {
        return new EventMeta(prefix + RequestIds.generated(), client, clock.instant().truncatedTo(ChronoUnit.MICROS), null,
                null, null);
    }
}
