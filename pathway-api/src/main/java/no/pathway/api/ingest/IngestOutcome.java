package no.pathway.api.ingest;

import java.util.List;
import no.pathway.api.http.FieldProblem;

/** What became of one posted event. */
public sealed interface IngestOutcome {
    String eventId();

    /** Durably stored now ({@code first}) or earlier with the same content (a retry). */
    record Stored(Receipt receipt, boolean first) implements IngestOutcome {
        @Override
        public String eventId() {
            return receipt.eventId();
        }
    }

    /** The source used this eventId before for other content. */
    record Conflict(String eventId) implements IngestOutcome {
    }

    /** Invalid; nothing was stored. {@code eventId} when it could be read. */
    record Invalid(String eventId, List<FieldProblem> problems) implements IngestOutcome {
    }

    /** Valid, but outside what the source system is registered to post; nothing was stored. */
    record NotGranted(String eventId, List<FieldProblem> problems) implements IngestOutcome {
    }

    /** The pathway holds {@code limit} events, the most one may hold; nothing was stored. */
    record PathwayFull(String eventId, int limit) implements IngestOutcome {
    }

    /** Conflicting writers kept winning; nothing was stored and the client may retry. */
    record Busy(String eventId) implements IngestOutcome {
    }
}
