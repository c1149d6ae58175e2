package no.pathway.api.gaps;

import static no.pathway.api.support.Events.housing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.Test;

/** A projection that fails does not skip the event: it shows as DOWN, retries, and catches up once it can. */
class ProjectionFailureIT extends ApiIT {

    @Test
    void a_failing_projection_is_visible_and_retries_until_it_succeeds() {
        awaitReadModels();
        owner.sql("ALTER TABLE pathway_summary RENAME TO pathway_summary_away").update();
        String pathwayId;
        try {
            pathwayId = api.post("/api/v1/events", housing(TestPersons.next(), "2026-03-02T08:00:00Z", "OWN"))
                    .json().get("pathwayId").stringValue();
            await().atMost(Duration.ofSeconds(30)).until(() -> readModels.status().failing());
            assertThat(api.get("/actuator/health").json().get("components").get("readModels").get("status")
                    .stringValue()).isEqualTo("DOWN");
            assertThat(readModels.status().behind()).isPositive();
        } finally {
            owner.sql("ALTER TABLE pathway_summary_away RENAME TO pathway_summary").update();
        }
        awaitReadModels();
        assertThat(api.get("/api/v1/pathways/" + pathwayId).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health").json().get("components").get("readModels").get("status")
                .stringValue()).isEqualTo("UP");
    }
}
