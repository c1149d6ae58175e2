package no.pathway.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every call of the API refuses a query parameter it does not declare: 400 problem+json naming it, echoing no value,
 * changing nothing. The table is every {@code /api/v1} mapping the application has, read from Spring MVC itself, so
 * a new endpoint is in it without anyone adding a line.
 */
class UnknownParametersIT extends ApiIT {
    /** Each endpoint of the API: method and a path with its variables filled in. */
    record Endpoint(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "x");
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    all.add(new Endpoint(method.name(), path));
                }
            }
        }
        return all;
    }

    @Test
    void the_table_holds_every_endpoint_of_the_api() {
        assertThat(endpoints()).hasSizeGreaterThanOrEqualTo(20)
                .contains(new Endpoint("GET", "/api/v1/gaps"), new Endpoint("POST", "/api/v1/events"),
                        new Endpoint("GET", "/api/v1/pathways/x/gaps"), new Endpoint("POST", "/api/v1/events/batch"));
    }

    @TestFactory
    Stream<DynamicTest> an_unknown_parameter_is_refused_by_name_before_anything_happens() {
        return endpoints().stream().map(e -> DynamicTest.dynamicTest(e.toString(), () -> refused(e)));
    }

    private void refused(Endpoint endpoint) {
        long stored = storedEvents();
        long logged = jdbc.sql("SELECT count(*) FROM access_log").query(Long.class).single();
        String query = "?unknownParameter=01849639435&limit=5&x%3Cy=secret&limit=6";
        Api.Response response = endpoint.method().equals("GET") ? api.get(endpoint.path() + query)
                : api.post(endpoint.path() + query, "{}", Map.of());

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text()).doesNotContain("01849639435", "secret", "<");
        List<String> fields = fields(response.json());
        assertThat(fields).contains("unknownParameter", KnownParameters.UNNAMED).doesNotContain("x");
        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(jdbc.sql("SELECT count(*) FROM access_log").query(Long.class).single()).isEqualTo(logged);
    }

    @Test
    void at_on_the_dashboard_is_refused_not_silently_ignored() {
        Api.Response response = api.get("/api/v1/gaps?at=2026-03-02T08:00:00Z&status=OPEN");
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.json())).containsExactly("at");
        assertThat(response.json().get("errors").get(0).get("message").stringValue())
                .isEqualTo(KnownParameters.UNKNOWN);
    }

    @Test
    void declared_parameters_still_pass() {
        assertThat(api.get("/api/v1/gaps?status=OPEN&limit=5").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/gaps/summary?groupBy=rule").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/indicators?period=month").status()).isEqualTo(200);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").stringValue()));
        return fields;
    }
}
