package no.pathway.api.admin;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReadModelMetricsIT extends ApiIT {

    private double count(String metric) {
        JsonNode body = api.get("/actuator/metrics/" + metric).json();
        for (JsonNode m : body.get("measurements")) {
            if (m.get("statistic").stringValue().equals("COUNT")) {
                return m.get("value").doubleValue();
            }
        }
        throw new AssertionError("no COUNT in " + body);
    }

    @Test
    void every_batch_the_processor_judges_is_timed_for_operators() {
        double waits = count("pathway.read_models.wait");
        double batches = count("pathway.read_models.batch");

        api.post("/api/v1/events", event("OVERDOSE_RECORDED", TestPersons.next(),
                clock.instant().minus(Duration.ofHours(1)).toString(), "municipality", "0301", "fatal", false));
        awaitReadModels();

        assertThat(count("pathway.read_models.wait")).isGreaterThan(waits);
        assertThat(count("pathway.read_models.batch")).isGreaterThan(batches);
    }
}
