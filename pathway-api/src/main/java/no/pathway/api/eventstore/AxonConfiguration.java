package no.pathway.api.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import no.pathway.core.pathway.Pathway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.module.SimpleModule;

/**
 * The event store, token store and transaction manager, declared here rather than left to Axon's
 * auto-configuration: on Spring Boot 4 without JPA Axon's JDBC auto-configuration runs before the DataSource
 * exists and silently falls back to a no-op transaction manager (shared/spec/stack.md). What this changes in Axon:
 * its serializer's type validator and instant reader ({@link #axonJson}), the storage engine
 * ({@link CommitOrderEventStorageEngine}), the embedded store ({@link StagedEventIndex}, its fetch and clean-up
 * delays), the read models' source ({@link PromptEventSource}), the token claim timeout, and the pathway cache and
 * snapshots; each says why below or in its own class.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {
    private static final String PATHWAY_REVISION = Pathway.class.getAnnotation(Revision.class).value();

    /** PostgreSQL's unique violation: a concurrent append to the same pathway becomes a ConcurrencyException. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * Axon 4.13.0's Jackson 3 serializer sets no polymorphic type validator, so Jackson's default refuses the
     * {@code Object}-typed context of a {@code ReplayToken}: after a read-model reset the processor could not read
     * its own token (AxonFramework#4160, fixed upstream by #4231, not yet released). Allow polymorphic subtypes from
     * Axon's own packages only, as the upstream fix does; our events use no polymorphic fields. Instants are read by
     * {@link UtcInstantDeserializer}. One customizer for both: Axon applies only the first it finds.
     */
    @Bean
    Jackson3SerializerCustomizer axonJson() {
        return builder -> builder.polymorphicTypeValidator(
                        BasicPolymorphicTypeValidator.builder().allowIfSubType("org.axonframework.").build())
                .addModule(new SimpleModule("pathway-instants").addDeserializer(Instant.class,
                        new UtcInstantDeserializer()));
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    EventStorageEngine eventStorageEngine(DataSource dataSource,
                                          TransactionManager axonTransactionManager,
                                          Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Value("${pathway.event-store.gap-timeout:PT60S}") Duration gapTimeout) {
        return new CommitOrderEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(axonTransactionManager)
                .snapshotSerializer(serializer)
                // a snapshot of another shape than the aggregate's @Revision is ignored: the pathway is replayed
                .snapshotFilter(snapshot -> Objects.equals(PATHWAY_REVISION,
                        snapshot.getPayload().getType().getRevision()))
                .eventSerializer(eventSerializer)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .dataType(byte[].class)
                .gapTimeout((int) gapTimeout.toMillis())
                .schema(EventSchema.builder()
                        .eventTable("domain_event_entry")
                        .snapshotTable("snapshot_event_entry")
                        .globalIndexColumn("global_index")
                        .eventIdentifierColumn("event_identifier")
                        .aggregateIdentifierColumn("aggregate_identifier")
                        .sequenceNumberColumn("sequence_number")
                        .typeColumn("type")
                        .timestampColumn("time_stamp")
                        .payloadTypeColumn("payload_type")
                        .payloadRevisionColumn("payload_revision")
                        .payloadColumn("payload")
                        .metaDataColumn("meta_data")
                        .build()));
    }

    /**
     * The event store, declared for {@link StagedEventIndex} and for its fetch and clean-up delays. Axon wakes its
     * streams when its unit of work commits, but ours joins the ingestion's Spring transaction, which commits later:
     * the wake-up finds nothing yet, and the stream then sleeps for the fetch delay (Axon's default is one second).
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine,
                                  @Value("${pathway.event-store.fetch-delay:PT0.05S}") Duration fetchDelay,
                                  @Value("${pathway.event-store.cleanup-delay:PT0.1S}") Duration cleanupDelay) {
        return new StagedEventIndex(EmbeddedEventStore.builder()
                .storageEngine(eventStorageEngine)
                .fetchDelay(fetchDelay.toMillis())
                // Axon's producer thread caches the newest events in a linked list for streams at the head; a
                // stream that falls behind still holds its place in that list, keeping every later event reachable,
                // until the cleaner moves it to a stream of its own. Axon's default of 10 s let a read-model backlog
                // after a million-event load fill the 1 GiB heap (docs/performance.md); 0.1 s bounds it.
                .cleanupDelay(cleanupDelay.toMillis()));
    }

    /**
     * The read models' source of events ({@code axon.eventhandling.processors.pathway-read-models.source}): the
     * event store, with the wake-ups its streams lack.
     */
    @Bean
    PromptEventSource readModelSource(EmbeddedEventStore eventStore,
                                      @Value("${pathway.read-models.wake-up-interval:PT0.025S}") Duration interval) {
        return new PromptEventSource(eventStore, interval);
    }

    /**
     * Tokens, claimed by this instance as {@link ReadModelNodeId} for {@code claim-timeout} at a time (Axon's default
     * is 10 s: a killed instance held its segments that long). The processor extends its claims well within it
     * ({@link ReadModelConfiguration}).
     */
    @Bean
    TokenStore tokenStore(DataSource dataSource, Serializer serializer, ReadModelNodeId readModelNodeId,
                          @Value("${pathway.read-models.claim-timeout:PT1S}") Duration claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .serializer(serializer)
                .nodeId(readModelNodeId.value())
                .claimTimeout(claimTimeout)
                .schema(TokenSchema.builder()
                        .setTokenTable("token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment")
                        .setTokenColumn("token")
                        .setTokenTypeColumn("token_type")
                        .setTimestampColumn("timestamp")
                        .setOwnerColumn("owner")
                        .build())
                .build();
    }

    /**
     * Pathways recently written, so a command does not re-read its pathway from the store. Weak references: the
     * cache never holds memory the heap needs. The ingestion empties it whenever a transaction rolls back, since
     * the cached state may then be ahead of the store.
     */
    @Bean
    Cache pathwayCache() {
        return new WeakReferenceCache();
    }

    /**
     * The Pathway aggregate, registered here so the domain module carries no Spring annotations. Snapshots: without
     * them a long pathway is replayed on every command (stack.md measured 23 commands/s at 2,000 events).
     */
    @Bean
    ConfigurerModule pathwayAggregate(@Value("${pathway.event-store.snapshot-every:100}") int snapshotEvery,
                                      Cache pathwayCache) {
        // Spring's snapshotter knows only aggregates that are Spring beans, so this one gets its own.
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Pathway.class)
                .configureCache(c -> pathwayCache)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                        AggregateSnapshotter.builder()
                                .eventStore(c.eventStore())
                                .aggregateFactories(new GenericAggregateFactory<>(Pathway.class))
                                .transactionManager(c.getComponent(TransactionManager.class))
                                .build(),
                        snapshotEvery)));
    }
}
