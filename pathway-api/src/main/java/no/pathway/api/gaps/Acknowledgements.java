package no.pathway.api.gaps;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import no.pathway.api.ingest.IngestOutcome;
import no.pathway.api.ingest.IngestionService;
import no.pathway.api.ingest.ParsedFact;
import no.pathway.api.ingest.Source;
import no.pathway.core.event.EventMeta;
import no.pathway.core.event.FactType;
import no.pathway.core.event.GapAcknowledged;
import org.springframework.stereotype.Component;

/**
 * The acknowledgement adapter in front of the ingestion port: a coordinator's acknowledgement of a gap becomes a
 * GAP_ACKNOWLEDGED fact on the gap's pathway, stored like any other (receipt, hash-chain link), with the
 * coordinator's client as source.
 */
@Component
class Acknowledgements {
    private final IngestionService ingestion;
    private final Clock clock;

    Acknowledgements(IngestionService ingestion, Clock clock) {
        this.ingestion = ingestion;
        this.clock = clock;
    }

    IngestOutcome acknowledge(String client, String subject, String pathwayId, String gapId, String note) {
        GapAcknowledged fact = new GapAcknowledged(new EventMeta("ack-" + UUID.randomUUID(), client,
                clock.instant().truncatedTo(ChronoUnit.MICROS), null, null, null), gapId, note, subject);
        return ingestion.record(Source.service(client, FactType.GAP_ACKNOWLEDGED),
                List.of(new ParsedFact(pathwayId, null, fact))).get(0);
    }
}
