package no.pathway.api.ingest;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import no.pathway.api.http.FieldProblem;
import no.pathway.api.http.Forbidden;
import no.pathway.api.http.InvalidRequest;
import no.pathway.api.security.SourceGrant;
import no.pathway.api.security.SourceRegistry;
import no.pathway.core.event.EventMeta;
import no.pathway.core.event.GapAcknowledged;
import no.pathway.core.value.Identifier;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Records posted events: validate each on the caller's thread, then hand the valid ones to the {@link WriteQueue},
 * which stores them (or answers a retry from its receipt) in a transaction shared with whatever else is waiting.
 * One request's events are answered in their order, each on its own.
 */
@Service
public class IngestionService {
    private final FactParser parser;
    private final Clock clock;
    private final WriteQueue writes;
    private final SourceRegistry sources;

    IngestionService(FactParser parser, Clock clock, WriteQueue writes, SourceRegistry sources) {
        this.parser = parser;
        this.clock = clock;
        this.writes = writes;
        this.sources = sources;
    }

    public IngestOutcome ingest(String source, JsonNode event) {
        return ingestAll(source, List.of(event)).get(0);
    }

    /**
     * The outcome of each event, in order: invalid ones and those outside the source's grant are answered here, the
     * rest once stored. A source system that is not registered may post nothing ({@link Forbidden}).
     */
    public List<IngestOutcome> ingestAll(String source, List<JsonNode> events) {
        SourceGrant grant = requireRegistered(source);
        IngestOutcome[] outcomes = new IngestOutcome[events.size()];
        List<Integer> valid = new ArrayList<>();
        List<WriteQueue.Item> items = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            try {
                ParsedFact parsed = parser.parse(events.get(i), source);
                List<FieldProblem> refusals = grant.refusals(parsed.fact());
                if (refusals.isEmpty()) {
                    items.add(new WriteQueue.Item(source, parsed));
                    valid.add(i);
                } else {
                    outcomes[i] = new IngestOutcome.NotGranted(parsed.fact().eventId(), refusals);
                }
            } catch (InvalidRequest e) {
                outcomes[i] = new IngestOutcome.Invalid(readableEventId(events.get(i)), e.problems());
            }
        }
        List<IngestOutcome> stored = await(writes.submit(items));
        for (int v = 0; v < valid.size(); v++) {
            outcomes[valid.get(v)] = stored.get(v);
        }
        return Arrays.asList(outcomes);
    }

    /** The grant of a registered source system; any other client may not post at all. */
    public SourceGrant requireRegistered(String source) {
        return sources.grant(source).orElseThrow(() -> new Forbidden(
                "This client is not registered as a source system, so it may not post events."));
    }

    /**
     * Records that a coordinator acknowledged a gap: a GAP_ACKNOWLEDGED fact on the gap's pathway, stored like any
     * other (receipt, hash-chain link), with the coordinator's client as source.
     */
    public IngestOutcome acknowledge(String source, String subject, String pathwayId, String gapId, String note) {
        GapAcknowledged fact = new GapAcknowledged(new EventMeta("ack-" + UUID.randomUUID(), source,
                clock.instant().truncatedTo(ChronoUnit.MICROS), null, null, null), gapId, note, subject);
        ParsedFact parsed = new ParsedFact(pathwayId, null, fact, parser.contentHash(pathwayId, fact));
        return await(writes.submit(List.of(new WriteQueue.Item(source, parsed)))).get(0);
    }

    private static List<IngestOutcome> await(CompletableFuture<List<IngestOutcome>> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private static String readableEventId(JsonNode event) {
        JsonNode id = event == null ? null : event.get("eventId");
        return id != null && id.isString() && Identifier.isValid(id.stringValue()) ? id.stringValue() : null;
    }
}
