package no.pathway.api.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import no.pathway.api.eventstore.TransientFailure;
import no.pathway.api.http.FieldProblem;
import no.pathway.api.http.Forbidden;
import no.pathway.api.http.Unavailable;
import no.pathway.api.security.SourceRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The ingestion port: the one way events from outside are recorded, in terms of parsed events ({@link ParsedEvent}),
 * whatever their format. Each adapter reads its own format and calls {@link #record}: the JSON events of api.md
 * ({@link JsonEvents}), a coordinator's acknowledgement, assignment or follow-up attempt
 * ({@code gaps/CoordinatorActions}); a FHIR adapter would be the next. Events outside the source's grant are refused
 * here; the rest go to the {@link WriteQueue}, which stores them (or answers a retry from its receipt) in a
 * transaction shared with whatever else is waiting. The events of one call are answered in their order, each on its
 * own. A call waits for its answer at most {@code pathway.ingest.answer-timeout}; then it is
 * answered {@link Unavailable} (503), and sending it again is safe: the receipt of an event that was stored after all
 * answers the retry.
 */
@Service
public class IngestionService {
    private final WriteQueue writes;
    private final ContentHash contentHash;
    private final SourceRegistry sources;
    private final Duration answerTimeout;
    private final IngestMetrics metrics;

    IngestionService(WriteQueue writes, ContentHash contentHash, SourceRegistry sources,
                     @Value("${pathway.ingest.answer-timeout:PT10S}") Duration answerTimeout, IngestMetrics metrics) {
        this.metrics = metrics;
        this.writes = writes;
        this.contentHash = contentHash;
        this.sources = sources;
        this.answerTimeout = answerTimeout;
    }

    /** A registered source system, with its grant; any other client may not post at all ({@link Forbidden}). */
    public Source requireRegistered(String client) {
        return new Source(client, sources.grant(client).orElseThrow(() -> new Forbidden(
                "This client is not registered as a source system, so it may not post events.")));
    }

    /** Each event's outcome, in order: those outside the source's grant are answered here, the rest once stored. */
    public List<IngestOutcome> record(Source source, List<ParsedEvent> events) {
        IngestOutcome[] outcomes = new IngestOutcome[events.size()];
        List<Integer> granted = new ArrayList<>();
        List<WriteQueue.Item> items = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ParsedEvent parsed = events.get(i);
            List<FieldProblem> refusals = source.grant().refusals(parsed.event());
            if (refusals.isEmpty()) {
                items.add(new WriteQueue.Item(source.name(), parsed,
                        contentHash.of(parsed.pathwayId(), parsed.event())));
                granted.add(i);
            } else {
                outcomes[i] = new IngestOutcome.NotGranted(parsed.event().eventId(), refusals);
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
        for (int g = 0; g < granted.size(); g++) {
            outcomes[granted.get(g)] = stored.get(g);
        }
        List<IngestOutcome> answered = Arrays.asList(outcomes);
        metrics.counted(answered);
        return answered;
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
            if (TransientFailure.is(cause)) {
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
}
