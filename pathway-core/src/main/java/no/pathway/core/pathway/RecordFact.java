package no.pathway.core.pathway;

import java.time.Instant;
import no.pathway.core.event.PathwayEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record one validated fact on a pathway. {@code receivedAt} is the service's clock when the request arrived;
 * the pathway turns it into a recording time that never goes backwards.
 */
public record RecordFact(@TargetAggregateIdentifier String pathwayId, PathwayEvent fact, Instant receivedAt) {
}
