package no.pathway.api.admin;

import static no.pathway.api.support.Events.event;
import static no.pathway.api.support.Events.housing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.pathway.api.security.Role;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.Test;

/**
 * The operators' metrics in Prometheus's text format at {@code /actuator/prometheus} (docs/operations.md, "Metrics"):
 * ingestion by outcome and reason, the read models' lag and quarantine, reveals by outcome; operators only. Counters
 * are shared with the other test classes of this context, so each assertion is on the increase this test caused.
 */
class PrometheusIT extends ApiIT {

    private Api operator() {
        return api.as(token("prometheus", Set.of(Role.OPERATOR), Set.of()));
    }

    private String scrape() {
        Api.Response answer = operator().get("/actuator/prometheus");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/plain");
        return answer.text();
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void ingestion_reveals_and_read_models_are_counted_for_operators_only() {
        String before = scrape();
        String person = TestPersons.next();
        Map<String, Object> first = housing(person, "2026-03-02T08:00:00Z", "OWN");
        assertThat(api.post("/api/v1/events", first).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/events", first).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/events", housing(person, "2026-03-02T08:00:00Z", "CASTLE")).status())
                .isEqualTo(400);
        Map<String, Object> changed = new java.util.LinkedHashMap<>(first);
        changed.put("housing", "NONE");
        assertThat(api.post("/api/v1/events", changed).status()).isEqualTo(422);
        String pathway = api.post("/api/v1/events", event("EPISODE_ENDED", person, "2026-03-02T09:00:00Z",
                "episodeId", "avr-p", "setting", "DETOX", "endReason", "COMPLETED", "municipality", "0301"))
                .json().get("pathwayId").stringValue();
        awaitReadModels();
        assertThat(api.post("/api/v1/pathways/" + pathway + "/identity", Map.of("purpose", "AUDIT")).status())
                .isEqualTo(200);

        String after = scrape();
        assertThat(increase(before, after, "pathway_ingest_events_total{application=\"pathway\",outcome=\"accepted\"}"))
                .isEqualTo(2);
        assertThat(increase(before, after,
                "pathway_ingest_events_total{application=\"pathway\",outcome=\"duplicate\"}")).isEqualTo(1);
        assertThat(increase(before, after, "pathway_ingest_events_total{application=\"pathway\",outcome=\"rejected\"}"))
                .isEqualTo(2);
        assertThat(increase(before, after, "pathway_ingest_rejected_total{application=\"pathway\",reason=\"invalid\"}"))
                .isEqualTo(1);
        assertThat(increase(before, after,
                "pathway_ingest_rejected_total{application=\"pathway\",reason=\"conflict\"}")).isEqualTo(1);
        assertThat(increase(before, after,
                "pathway_identity_reveals_total{application=\"pathway\",outcome=\"revealed\"}")).isEqualTo(1);
        assertThat(after).contains("pathway_read_models_behind{application=\"pathway\"} ",
                "pathway_read_models_quarantined{application=\"pathway\"} ",
                "pathway_read_models_wait_seconds_count{application=\"pathway\"} ",
                "pathway_read_models_failures_total{application=\"pathway\"} ",
                "http_server_requests_seconds_count{");
        assertThat(after).as("no value from a request").doesNotContain(person).doesNotContain(pathway);
    }

    @Test
    void the_scrape_is_for_operators_only() {
        assertThat(new Api(port).get("/actuator/prometheus").status()).isEqualTo(401);
        for (Role role : Set.of(Role.SOURCE, Role.COORDINATOR, Role.AUDITOR)) {
            assertThat(api.as(token("not-operator", Set.of(role), Set.of("0301"))).get("/actuator/prometheus")
                    .status()).as(role.name()).isEqualTo(403);
        }
    }

    private static double increase(String before, String after, String series) {
        assertThat(after).as(series).contains(series + " ");
        return value(after, series) - value(before, series);
    }
}
