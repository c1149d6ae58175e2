package no.pathway.api.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import no.pathway.api.http.FieldProblem;
import no.pathway.api.http.Forbidden;
import no.pathway.api.http.InvalidRequest;
import no.pathway.api.http.Unavailable;
import no.pathway.api.security.SourceGrant;
import no.pathway.api.security.SourceRegistry;
import no.pathway.core.event.EventMeta;
import no.pathway.core.event.GapAcknowledged;
import no.pathway.core.value.Identifier;
import no.pathway.projections.quarantine.FailureCause;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Records posted events: validate each on the caller's thread, then hand the valid ones to the {@link WriteQueue},
 * which stores them (or answers a retry from its receipt) in a transaction shared with whatever else is waiting.
 * One request's events are answered in their order, each on its own. A request waits for its answer at most
 * {@code pathway.ingest.answer-timeout}; then it is answered {@link Unavailable} (503), and sending it again is safe:
 * the receipt of an event that was stored after all answers the retry.
 */
@Service
public class IngestionService {
    private final FactParser parser;
    private final Clock clock;
    private final WriteQueue writes;
    private final SourceRegistry sources;
    private final Duration answerTimeout;
    private final IngestMetrics metrics;

    IngestionService(FactParser parser, Clock clock, WriteQueue writes, SourceRegistry sources,
                     @Value("${pathway.ingest.answer-timeout:PT10S}") Duration answerTimeout, IngestMetrics metrics) {
        this.metrics = metrics;
        this.parser = parser;
        this.clock = clock;
        this.writes = writes;
        this.sources = sources;
        this.answerTimeout = answerTimeout;
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
        List<IngestOutcome> stored;
        try {
            stored = await(writes.submit(items));
        } catch (Unavailable e) {
            metrics.rejected(IngestMetrics.Reason.UNAVAILABLE, items.size());
            metrics.counted(Arrays.stream(outcomes).filter(o -> o != null).toList());
            throw e;
        }
        for (int v = 0; v < valid.size(); v++) {
            outcomes[valid.get(v)] = stored.get(v);
        }
        List<IngestOutcome> answered = Arrays.asList(outcomes);
        metrics.counted(answered);
        return answered;
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

    /**
     * The stored outcomes, waited for at most the answer timeout. A unit given up on is marked done, so a writer that
     * has not taken it yet skips it; one already being stored may still commit.
     */
    private List<IngestOutcome> await(CompletableFuture<List<IngestOutcome>> answer) {
        try {
            return answer.get(answerTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.completeExceptionally(e);
            throw new Unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.completeExceptionally(e);
            throw new Unavailable(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (FailureCause.of(cause) == FailureCause.TRANSIENT) {
                throw new Unavailable(cause);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static String readableEventId(JsonNode event) {
        JsonNode id = event == null ? null : event.get("eventId");
        return id != null && id.isString() && Identifier.isValid(id.stringValue()) ? id.stringValue() : null;
    }
}
