/**
 * Axon as this service runs it: its configuration and every place where it is changed, each with its reason.
 * Framework workarounds live here and nowhere else, not in a feature package nor in a read model.
 * <ul>
 *   <li>{@link no.pathway.api.eventstore.AxonConfiguration}: the stores, declared by hand (Axon's JDBC
 *   auto-configuration runs too early on Spring Boot 4), the serializer's type validator, snapshots, the cache.</li>
 *   <li>{@link no.pathway.api.eventstore.CommitOrderEventStorageEngine}: the global index follows commit order, so
 *   the processors never see a gap that a slower transaction fills later.</li>
 *   <li>{@link no.pathway.api.eventstore.StagedEventIndex}: staged events looked up by pathway, not by a scan that
 *   costs the square of a group's events.</li>
 *   <li>{@link no.pathway.api.eventstore.PromptEventSource}: the read models look for new events every 25 ms rather
 *   than every 500 ms.</li>
 *   <li>{@link no.pathway.api.eventstore.UtcInstantDeserializer}: stored instants read by position, not through
 *   {@code DateTimeFormatter}.</li>
 *   <li>{@link no.pathway.api.eventstore.ReadModelProcessing}, {@link no.pathway.api.eventstore.ReadModelNodeId},
 *   {@link no.pathway.api.eventstore.ReadModelSegmentBalancer}, {@link no.pathway.api.eventstore.ReadModelErrors}:
 *   the read-model processor's failure policy (retry, not skip) and its fair share of segments among instances.</li>
 *   <li>{@link no.pathway.api.eventstore.ReadModelEventHandler}: the processor's thin handler in front of the read
 *   models (a batch's pathways noted in a unit-of-work resource, judged in its prepare-commit hook), and
 *   {@link no.pathway.api.eventstore.AxonRecordedEvents}: the read models' view of Axon's table. The read models
 *   themselves ({@code no.pathway.projections.PathwayReadModels}) know no Axon type.</li>
 *   <li>{@link no.pathway.api.eventstore.TransientFailure}: which Axon exceptions mean "try again".</li>
 * </ul>
 * The reasons and their measurements: docs/performance.md and docs/architecture.md.
 */
package no.pathway.api.eventstore;
