package no.pathway.api.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the service's clock with one the tests can move. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {
    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}
