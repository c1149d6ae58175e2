package no.pathway.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The index answers exactly what Axon's own lookup answers, in each case, just without the quadratic cost. */
class StagedEventIndexTest {

    static Stream<Function<EmbeddedEventStore.Builder, EmbeddedEventStore>> stores() {
        return Stream.of(EmbeddedEventStore.Builder::build, StagedEventIndex::new);
    }

    private static EmbeddedEventStore.Builder builder() {
        return EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine());
    }

    private static DomainEventMessage<String> event(String pathway, long sequence) {
        return new GenericDomainEventMessage<>("Pathway", pathway, sequence, pathway + "#" + sequence);
    }

    private static List<Object> payloads(EmbeddedEventStore store, String pathway) {
        return store.readEvents(pathway).asStream().map(e -> (Object) e.getPayload()).toList();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void staged_events_are_found_by_pathway_until_committed_and_then_read_from_storage(
            Function<EmbeddedEventStore.Builder, EmbeddedEventStore> create) {
        EmbeddedEventStore store = create.apply(builder());
        try {
            UnitOfWork<?> group = DefaultUnitOfWork.startAndGet(null);
            store.publish(event("a", 0), event("b", 0));
            DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(event("a", 1)));

            assertThat(payloads(store, "a")).containsExactly("a#0", "a#1");
            assertThat(payloads(store, "b")).containsExactly("b#0");
            assertThat(store.lastSequenceNumberFor("a")).contains(1L);
            group.commit();

            assertThat(payloads(store, "a")).containsExactly("a#0", "a#1");
        } finally {
            store.shutDown();
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void a_nested_unit_of_work_that_rolls_back_takes_its_staged_events_with_it(
            Function<EmbeddedEventStore.Builder, EmbeddedEventStore> create) {
        EmbeddedEventStore store = create.apply(builder());
        try {
            UnitOfWork<?> group = DefaultUnitOfWork.startAndGet(null);
            store.publish(event("a", 0));
            UnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(null);
            store.publish(event("a", 1), event("c", 0));
            assertThat(payloads(store, "a")).containsExactly("a#0", "a#1");
            failing.rollback();

            assertThat(payloads(store, "a")).containsExactly("a#0");
            assertThat(payloads(store, "c")).isEmpty();
            group.rollback();
            assertThat(payloads(store, "a")).as("nothing was stored").isEmpty();
        } finally {
            store.shutDown();
        }
    }
}
