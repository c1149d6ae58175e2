package no.pathway.api.eventstore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Axon's embedded event store (declared in {@link AxonConfiguration#eventStore}), with its events-not-yet-stored looked
 * up by pathway. Before loading an aggregate the store adds the events staged in the current unit of work for it; Axon
 * collects them by copying every staged event into a list, each after a {@code contains} check on that list, so a
 * lookup costs the square of the staged events. Group commit stages a whole group's events (up to 2,000) in one unit of
 * work and loads each pathway of the group: a profile of bulk ingest put 21 % of the service's samples in that {@code
 * contains} (docs/performance.md). Here the root unit of work keeps the staged events by aggregate, so a lookup costs
 * that pathway's events. As in Axon, a nested unit of work that rolls back takes its events with it, and a rolled-back
 * root has none.
 */
class StagedEventIndex extends EmbeddedEventStore {
    private static final String STAGED = StagedEventIndex.class.getName() + ".staged";

    StagedEventIndex(EmbeddedEventStore.Builder builder) {
        super(builder);
    }

    @Override
    public void publish(List<? extends EventMessage<?>> events) {
        super.publish(events);
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        Map<String, List<DomainEventMessage<?>>> staged =
                current.root().getOrComputeResource(STAGED, key -> new HashMap<>());
        List<DomainEventMessage<?>> added = new ArrayList<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent) {
                staged.computeIfAbsent(domainEvent.getAggregateIdentifier(), id -> new ArrayList<>()).add(domainEvent);
                added.add(domainEvent);
            }
        }
        if (current != current.root() && !added.isEmpty()) {
            current.onRollback(u -> added.forEach(e -> staged.get(e.getAggregateIdentifier()).remove(e)));
        }
    }

    @Override
    protected Stream<? extends DomainEventMessage<?>> stagedDomainEventMessages(String aggregateIdentifier) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Stream.empty();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, List<DomainEventMessage<?>>> staged = root.getResource(STAGED);
        if (staged == null || root.isRolledBack()) {
            return Stream.empty();
        }
        return List.copyOf(staged.getOrDefault(aggregateIdentifier, List.of())).stream();
    }
}
