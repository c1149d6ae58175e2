package no.pathway.api.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What became of posted events, counted: {@code pathway.ingest.events} by {@code outcome} (accepted: stored now;
 * duplicate: a retry answered from its receipt; rejected: nothing stored), and the rejected ones again in
 * {@code pathway.ingest.rejected} by {@code reason}. Counts only, never a value from the request. A client that is
 * not a registered source is refused before its body is read (403 in {@code http.server.requests}), so its events
 * are not counted here.
 */
@Component
class IngestMetrics {
    /** Why an event was not stored. */
    enum Reason {
        /** Invalid (400): a field is missing, malformed or out of range. */
        INVALID,
        /** Valid, but outside the source's grant (403). */
        NOT_GRANTED,
        /** The eventId was used before for other content (422). */
        CONFLICT,
        /** Concurrent writers kept winning, or no answer within the bound (503); the client may retry. */
        UNAVAILABLE
    }

    private final Counter accepted;
    private final Counter duplicate;
    private final Counter rejected;
    private final Map<Reason, Counter> reasons = new EnumMap<>(Reason.class);

    IngestMetrics(MeterRegistry registry) {
        this.accepted = outcome(registry, "accepted", "Posted events stored now");
        this.duplicate = outcome(registry, "duplicate", "Posted events already stored with the same content");
        this.rejected = outcome(registry, "rejected", "Posted events not stored");
        for (Reason reason : Reason.values()) {
            reasons.put(reason, Counter.builder("pathway.ingest.rejected")
                    .description("Posted events not stored, by reason")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    private static Counter outcome(MeterRegistry registry, String outcome, String description) {
        return Counter.builder("pathway.ingest.events").description("Posted events, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    void counted(List<IngestOutcome> outcomes) {
        for (IngestOutcome outcome : outcomes) {
            if (outcome instanceof IngestOutcome.Stored s) {
                (s.first() ? accepted : duplicate).increment();
            } else {
                rejected(reason(outcome), 1);
            }
        }
    }

    void rejected(Reason reason, int events) {
        rejected.increment(events);
        reasons.get(reason).increment(events);
    }

    private static Reason reason(IngestOutcome outcome) {
        if (outcome instanceof IngestOutcome.Invalid) {
            return Reason.INVALID;
        }
        if (outcome instanceof IngestOutcome.NotGranted) {
            return Reason.NOT_GRANTED;
        }
        if (outcome instanceof IngestOutcome.Conflict) {
            return Reason.CONFLICT;
        }
        return Reason.UNAVAILABLE;
    }
}
