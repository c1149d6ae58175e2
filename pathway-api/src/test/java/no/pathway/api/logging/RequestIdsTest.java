package no.pathway.api.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import no.pathway.core.value.IdentityNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdsTest {

    /** Runs the filter; the id the request's log lines saw, and checks it is echoed and gone afterwards. */
    private static String filter(String given) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/events");
        if (given != null) {
            request.addHeader(RequestIds.HEADER, given);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> inside = new AtomicReference<>();
        new RequestIds().doFilter(request, response, (req, res) -> inside.set(MDC.get(RequestIds.MDC_KEY)));
        assertThat(response.getHeader(RequestIds.HEADER)).isEqualTo(inside.get());
        assertThat(MDC.get(RequestIds.MDC_KEY)).as("removed after the request").isNull();
        return inside.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "4bf92f3577b34da6a3ce929d0e0e4736", "integrator-42.batch_7",
            "123e4567-e89b-12d3-a456-426614174000"})
    void a_safe_id_is_kept(String id) throws Exception {
        assertThat(filter(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "17866644330", "178666-44330", "req-17866644330", "<script>", "a\"b",
            "ok;no", "æøå", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void an_unsafe_id_is_replaced_by_a_new_one(String id) throws Exception {
        assertThat(filter(id)).isNotEqualTo(id).matches("[a-z]{24}");
    }

    @Test
    void a_missing_id_is_generated_anew_for_each_request() throws Exception {
        assertThat(filter(null)).isNotEqualTo(filter(null)).matches("[a-z]{24}");
    }

    @Test
    void a_generated_id_never_spells_an_identity_number() {
        // UUIDs did, now and then: digit runs split by hyphens read as a plausible number in every scan of answers
        assertThat(java.util.stream.Stream.generate(RequestIds::generated).limit(10_000))
                .noneMatch(id -> IdentityNumbers.foundIn(id, IdentityNumbers.Rule.PLAUSIBLE));
    }
}
