package no.pathway.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import no.pathway.api.support.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import tools.jackson.databind.JsonNode;

class RequestObservationsIT extends ApiIT {
    @Autowired
    FilterChainProxy filterChain;

    @Test
    void requests_are_timed_but_the_security_filters_are_not_each_observed() {
        api.get("/api/v1/gaps?municipality=0301");

        List<String> meters = new ArrayList<>();
        for (JsonNode name : api.get("/actuator/metrics").json().get("names")) {
            meters.add(name.stringValue());
        }
        assertThat(meters).contains("http.server.requests");
        assertThat(meters).noneMatch(name -> name.startsWith("spring.security"));
        assertThat(filterChain).extracting("filterChainDecorator")
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
    }
}
