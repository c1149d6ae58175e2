package no.pathway.api.config;

import no.pathway.projections.engine.GapEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gap engine with the rule versions in force (by date of effect). The processor that feeds the read models: eventstore/. */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    @Bean
    GapEngine gapEngine(RuleProperties rules) {
        return new GapEngine(rules.toVersions());
    }
}
