package no.pathway.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
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

    private EmbeddedEventStore store;

    private List<Object> payloads(String pathway) {
        return store.readEvents(pathway).asStream().map(e -> (Object) e.getPayload()).toList();
    }

    /** A failed test must not leave its units of work on the thread, nor its store's threads running. */
    @AfterEach
    void cleanUp() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
        store.shutDown();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void staged_events_are_found_by_pathway_until_committed_and_then_read_from_storage(
            Function<EmbeddedEventStore.Builder, EmbeddedEventStore> create) {
        store = create.apply(builder());
        UnitOfWork<?> group = DefaultUnitOfWork.startAndGet(null);
        store.publish(event("a", 0), event("b", 0));
        DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(event("a", 1)));

        assertThat(payloads("a")).containsExactly("a#0", "a#1");
        assertThat(payloads("b")).containsExactly("b#0");
        assertThat(store.lastSequenceNumberFor("a")).contains(1L);
        group.commit();

        assertThat(payloads("a")).containsExactly("a#0", "a#1");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void a_nested_unit_of_work_that_rolls_back_takes_its_staged_events_with_it(
            Function<EmbeddedEventStore.Builder, EmbeddedEventStore> create) {
        store = create.apply(builder());
        UnitOfWork<?> group = DefaultUnitOfWork.startAndGet(null);
        store.publish(event("a", 0));
        UnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(null);
        store.publish(event("a", 1), event("c", 0));
        assertThat(payloads("a")).containsExactly("a#0", "a#1");
        failing.rollback();

        assertThat(payloads("a")).containsExactly("a#0");
        assertThat(payloads("c")).isEmpty();
        group.rollback();
        assertThat(payloads("a")).as("nothing was stored").isEmpty();
    }
}
