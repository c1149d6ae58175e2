package no.pathway.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Behind a TLS-terminating proxy (here: requests from 127.0.0.1, a trusted proxy address, with X-Forwarded-*):
 * HSTS on every answer to a request that arrived as https, errors included; and failed authentications limited
 * per client address, the one the proxy names.
 */
class BehindAProxyIT extends ApiIT {
    @Autowired
    private SecurityProperties properties;

    private RawHttp.Answer get(String path, String address, String token, String... more) {
        List<String> headers = new java.util.ArrayList<>(List.of(more));
        headers.add("X-Forwarded-For: " + address);
        if (token != null) {
            headers.add("Authorization: Bearer " + token);
        }
        return new RawHttp(port).get(path, headers);
    }

    private String valid() {
        return token("test-source", Set.of(Role.values()), Set.of());
    }

    private static String someAddress() {
        return "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    @ParameterizedTest(name = "{0} with a token: {1}")
    @CsvSource({"/api/v1/gaps, true, 200", "/api/v1/gaps, false, 401", "/api/v1/pathways/nothing, true, 404",
            "/actuator/health, false, 200", "/api/v1/gaps;x=y, true, 400"})
    void hsts_is_sent_when_the_proxy_says_the_request_came_as_https(String path, boolean token, int status) {
        String address = "198.51.100.7";
        RawHttp.Answer https = get(path, address, token ? valid() : null, "X-Forwarded-Proto: https");
        RawHttp.Answer http = get(path, address, token ? valid() : null, "X-Forwarded-Proto: http");
        assertThat(https.status()).isEqualTo(status);
        assertThat(https.header("Strict-Transport-Security")).get().asString().contains("max-age=31536000");
        assertThat(http.status()).isEqualTo(status);
        assertThat(http.header("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void failed_authentications_are_limited_per_address() {
        clock.freeze();
        int burst = properties.rateLimit().failureBurst();
        String flooder = someAddress();
        String other = "192.0.2.1" + ThreadLocalRandom.current().nextInt(10, 99);
        Map<Integer, Integer> answers = new HashMap<>();
        for (int i = 0; i < burst; i++) {
            String token = i % 2 == 0 ? "garbage-" + i : null;
            answers.merge(get("/api/v1/gaps", flooder, token).status(), 1, Integer::sum);
        }
        assertThat(answers).containsExactly(Map.entry(401, burst));

        RawHttp.Answer limited = get("/api/v1/gaps", flooder, "garbage");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).contains("1");
        assertThat(limited.header("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(get("/api/v1/gaps", flooder, valid()).status()).as("the address, whatever it sends")
                .isEqualTo(429);
        assertThat(get("/api/v1/gaps", other, "garbage").status()).as("another address").isEqualTo(401);
        assertThat(get("/api/v1/gaps", other, valid()).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        assertThat(get("/api/v1/gaps", flooder, valid()).status()).as("refilled").isEqualTo(200);
    }
}
