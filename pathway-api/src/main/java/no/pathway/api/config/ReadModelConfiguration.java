package no.pathway.api.config;

import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.engine.RuleSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gap engine with the rules in force. The processor that feeds the read models: eventstore/. */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    @Bean
    GapEngine gapEngine(RuleProperties rules) {
        return new GapEngine(new RuleSet(rules.version(), rules.deadlines()));
    }
}
