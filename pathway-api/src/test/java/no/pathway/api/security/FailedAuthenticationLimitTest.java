package no.pathway.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import no.pathway.api.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class FailedAuthenticationLimitTest {

    private final TestClock clock = new TestClock().freeze();
    private final FailedAuthenticationLimit limit = new FailedAuthenticationLimit(2, 3, clock);

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/gaps");
        request.setRemoteAddr(address);
        return request;
    }

    private int call(String address) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(from(address), response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void requests_pass_until_an_address_has_failed_a_burst_of_times() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(call("10.0.0.1")).as("passing costs nothing").isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(call("10.0.0.1")).isEqualTo(200);
            limit.failed(from("10.0.0.1"));
        }
        assertThat(call("10.0.0.1")).isEqualTo(429);
        assertThat(call("10.0.0.2")).as("another address").isEqualTo(200);
    }

    @Test
    void failures_are_forgiven_at_the_configured_rate() throws Exception {
        for (int i = 0; i < 3; i++) {
            limit.failed(from("10.0.0.1"));
        }
        assertThat(call("10.0.0.1")).isEqualTo(429);
        clock.advance(Duration.ofMillis(500));
        assertThat(call("10.0.0.1")).isEqualTo(200);
        limit.failed(from("10.0.0.1"));
        assertThat(call("10.0.0.1")).isEqualTo(429);
    }
}
