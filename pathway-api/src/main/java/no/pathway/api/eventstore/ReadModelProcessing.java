package no.pathway.api.eventstore;

import java.time.Duration;
import java.util.Optional;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read-model processor as Axon runs it, changed in two ways. Its failure policy: Axon's default logs a failing
 * handler and moves on, which would lose the event; here the batch rolls back and is retried. Its share of the work
 * among instances: Axon's pooled processor claims every segment it can get and extends its claims every 5 s; here
 * each instance claims its fair share and extends every quarter second, so a dead instance's segments move within
 * about a second (docs/architecture.md, "Several instances").
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelProcessing {

    @Bean
    ReadModelNodeId readModelNodeId() {
        return ReadModelNodeId.generate();
    }

    /** The balancer asks for the processor only once it runs: the processor is built with the balancer. */
    @Bean(destroyMethod = "close")
    ReadModelSegmentBalancer readModelSegmentBalancer(JdbcTemplate jdbc, ReadModelNodeId readModelNodeId,
            ObjectProvider<EventProcessingConfiguration> processing,
            @Value("${pathway.read-models.heartbeat:PT0.25S}") Duration heartbeat,
            @Value("${pathway.read-models.claim-timeout:PT1S}") Duration claimTimeout) {
        return new ReadModelSegmentBalancer(jdbc, readModelNodeId.value(), ReadModelEventHandler.PROCESSING_GROUP,
                () -> Optional.ofNullable(processing.getIfAvailable()).flatMap(p -> p.eventProcessor(
                        ReadModelEventHandler.PROCESSING_GROUP, StreamingEventProcessor.class)),
                heartbeat, claimTimeout);
    }

    /**
     * Each instance claims its fair share of the segments ({@link ReadModelSegmentBalancer}), and extends its claims
     * every {@code claim-extension} (Axon's default, 5 s, is half its default claim timeout; ours is a quarter of 1 s),
     * so a dead instance's segments are taken over within about a second. Not Axon's coordinator claim extension: it
     * would wait on the token row a batch holds locked until it commits, stalling every segment's feed meanwhile.
     */
    @Bean
    ConfigurerModule readModelSegments(ReadModelSegmentBalancer balancer,
            @Value("${pathway.read-models.claim-extension:PT0.25S}") Duration claimExtension) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                ReadModelEventHandler.PROCESSING_GROUP,
                (config, builder) -> builder.maxSegmentProvider(balancer)
                        .claimExtensionThreshold(claimExtension.toMillis()));
    }

    /**
     * Axon's default logs a failing event handler and moves on: a projection would silently lose the event.
     * Propagating makes the processor roll the batch back, report the failure ({@link ReadModelErrors}, the
     * readModels health) and retry the same events with back-off until they succeed.
     */
    @Bean
    ConfigurerModule readModelErrorHandling(ReadModelErrors errors) {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(ReadModelEventHandler.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(ReadModelEventHandler.PROCESSING_GROUP, c -> errors);
    }
}
