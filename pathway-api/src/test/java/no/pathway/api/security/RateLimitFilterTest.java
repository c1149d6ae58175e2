package no.pathway.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import no.pathway.api.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RateLimitFilterTest {

    private final TestClock clock = new TestClock().freeze();
    private final RateLimitFilter filter = new RateLimitFilter(10, 5, clock);

    private int call(String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/gaps");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void a_burst_passes_and_the_next_call_gets_429() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(call("10.0.0.1")).isEqualTo(200);
        }
        assertThat(call("10.0.0.1")).isEqualTo(429);
        assertThat(call("10.0.0.2")).as("another client has its own bucket").isEqualTo(200);
    }

    @Test
    void tokens_refill_at_the_configured_rate() throws Exception {
        for (int i = 0; i < 5; i++) {
            call("10.0.0.1");
        }
        clock.advance(Duration.ofMillis(100));
        assertThat(call("10.0.0.1")).isEqualTo(200);
        assertThat(call("10.0.0.1")).isEqualTo(429);
    }

    @Test
    void a_clock_stepping_back_does_not_drain_the_bucket() throws Exception {
        call("10.0.0.1");
        clock.advance(Duration.ofHours(-1));
        assertThat(call("10.0.0.1")).isEqualTo(200);
    }
}
