package no.pathway.api.config;

import no.pathway.api.admin.ReadModelErrors;
import no.pathway.projections.ReadModelProjection;
import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.engine.RuleSet;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gap engine with the rules in force, and the read-model processor's failure policy. */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    @Bean
    GapEngine gapEngine(RuleProperties rules) {
        return new GapEngine(new RuleSet(rules.version(), rules.deadlines()));
    }

    /**
     * Axon's default logs a failing event handler and moves on: a projection would silently lose the event.
     * Propagating makes the processor roll the batch back, report the failure ({@link ReadModelErrors}, the
     * readModels health) and retry the same events with back-off until they succeed.
     */
    @Bean
    ConfigurerModule readModelErrorHandling(ReadModelErrors errors) {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(ReadModelProjection.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(ReadModelProjection.PROCESSING_GROUP, c -> errors);
    }
}
