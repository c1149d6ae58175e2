package no.pathway.core.pathway;

import java.time.Instant;
import java.util.List;
import no.pathway.core.event.PathwayEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record validated facts on one pathway, in this order. {@code receivedAt} is the service's clock when the facts
 * were taken for recording; the pathway turns it into a recording time that never goes backwards. Each fact is
 * judged on its own: one refused fact does not stop the others ({@link FactOutcome}).
 *
 * @param maxEvents the most events the pathway may hold: a source's fact beyond it is refused (docs/security.md,
 *                  "Events per pathway"); a coordinator's action has {@link Pathway#ACTION_RESERVE} more
 */
public record RecordFacts(@TargetAggregateIdentifier String pathwayId, List<PathwayEvent> facts, Instant receivedAt,
                          int maxEvents) {
    public RecordFacts {
        facts = List.copyOf(facts);
        if (maxEvents < 1) {
            throw new IllegalArgumentException("a pathway must be allowed at least one event");
        }
    }
}
