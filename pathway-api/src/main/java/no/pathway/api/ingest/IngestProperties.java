package no.pathway.api.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ingestion limits and the group-commit settings.
 *
 * @param acceptSyntheticPersonIds accept national test numbers (month + 80); development only
 * @param maxFutureSkew            how far ahead of the service's clock an occurredAt may lie
 * @param maxEventBytes            body limit of POST /events
 * @param maxBatchBytes            body limit of POST /events/batch
 * @param maxBatchEvents           events in one batch
 * @param writerThreads            threads that store queued requests, each group in one transaction
 * @param maxGroupEvents           a writer stops taking requests once its group holds this many events
 * @param maxPathwayEvents         the most events one pathway may hold; beyond, a source's event is refused with
 *                                 409 and nothing stored (docs/security.md, "Events per pathway")
 */
@ConfigurationProperties("pathway.ingest")
public record IngestProperties(
        boolean acceptSyntheticPersonIds,
        Duration maxFutureSkew,
        long maxEventBytes,
        long maxBatchBytes,
        int maxBatchEvents,
        int writerThreads,
        int maxGroupEvents,
        int maxPathwayEvents) {
}
