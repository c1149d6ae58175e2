package no.pathway.core.pathway;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.pathway.core.event.EventRetracted;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.PersonAction;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;

/**
 * One person's pathway across services. It accepts every valid fact (late, out of order and corrected facts
 * included) and guards only what needs the pathway's own history: a retraction must name an event its source
 * posted here that is neither a retraction nor a person's action, and recording times never go backwards.
 * Everything else is judged by the gap rules. Registered with Axon by the application (no Spring in the domain).
 *
 * <p>The revision is that of the snapshot's shape: a snapshot of another revision is ignored and the pathway is
 * replayed from its events (revision 2 knows persons' actions; a snapshot of revision 1 would take them for facts).
 */
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Pathway {
    /**
     * Events beyond {@link RecordFacts#maxEvents} a coordinator's actions may still add, so that a pathway filled
     * by a source can still be acknowledged (docs/security.md, "Events per pathway").
     */
    public static final int ACTION_RESERVE = 1000;

    @AggregateIdentifier
    private String pathwayId;
    private long eventCount;
    private Instant lastRecordedAt;
    /** "source eventId" to what kind of event it is: what a retraction may name. */
    private Map<String, Posted> postedEvents = new HashMap<>();

    /** What a retraction needs to know of an event recorded here. */
    enum Posted {
        FACT, RETRACTION, PERSON_ACTION;

        static Posted of(PathwayEvent event) {
            return event instanceof EventRetracted ? RETRACTION : event instanceof PersonAction ? PERSON_ACTION : FACT;
        }
    }

    protected Pathway() {
        // for Axon and for snapshots
    }

    /**
     * Records each fact in order and answers with one outcome per fact. Facts are applied one by one, so a
     * retraction may name an event recorded earlier in the same command.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public List<FactOutcome> handle(RecordFacts command) {
        if (pathwayId == null) {
            pathwayId = command.pathwayId();
        }
        List<FactOutcome> outcomes = new ArrayList<>(command.facts().size());
        for (PathwayEvent fact : command.facts()) {
            long limit = command.maxEvents() + (fact instanceof PersonAction ? (long) ACTION_RESERVE : 0L);
            if (eventCount >= limit) {
                outcomes.add(FactOutcome.full(command.maxEvents()));
                continue;
            }
            String refusal = refusal(fact);
            if (refusal != null) {
                outcomes.add(FactOutcome.refused(refusal));
                continue;
            }
            Instant recordedAt = lastRecordedAt == null || command.receivedAt().isAfter(lastRecordedAt)
                    ? command.receivedAt()
                    : lastRecordedAt;
            long sequence = eventCount;
            apply(fact.withMeta(fact.meta().withRecordedAt(recordedAt)));
            outcomes.add(FactOutcome.recorded(sequence, recordedAt));
        }
        return outcomes;
    }

    /** Why the pathway cannot take this fact, or null: only a retraction can be refused here. */
    private String refusal(PathwayEvent fact) {
        if (!(fact instanceof EventRetracted retraction)) {
            return null;
        }
        Posted retracted = postedEvents.get(retraction.retractedKey());
        if (retracted == null) {
            return "no event with this id was posted by this source on this pathway";
        }
        return switch (retracted) {
            case FACT -> null;
            case RETRACTION -> "a retraction cannot be retracted; post the event again instead";
            case PERSON_ACTION -> "names a coordinator's action, which only a coordinator may withdraw";
        };
    }

    @EventSourcingHandler
    void on(PathwayEvent event, @SequenceNumber long sequence,
            DomainEventMessage<?> message) {
        pathwayId = message.getAggregateIdentifier();
        eventCount = sequence + 1;
        lastRecordedAt = event.recordedAt();
        postedEvents.put(event.key(), Posted.of(event));
    }
}
