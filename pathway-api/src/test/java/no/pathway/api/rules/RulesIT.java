package no.pathway.api.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/rules lists the catalogue in the order of gap-rules.md with the versions configured. */
class RulesIT extends ApiIT {

    @Test
    void the_catalogue_lists_the_ten_rules_with_text_sources_trigger_and_their_deadline_in_each_version() {
        Api.Response response = api.get("/api/v1/rules");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode catalogue = response.json();

        JsonNode versions = catalogue.get("versions");
        assertThat(versions.get(0).get("version").stringValue()).isEqualTo("2026.1");
        assertThat(versions.get(0).has("effectiveFrom")).as("the base version is in force from the beginning")
                .isFalse();
        assertThat(versions.get(1).get("version").stringValue()).isEqualTo(TestSettings.RULES_2030);
        assertThat(versions.get(1).get("effectiveFrom").stringValue()).as("midnight in Oslo")
                .isEqualTo("2029-12-31T23:00:00Z");

        JsonNode rules = catalogue.get("rules");
        List<String> names = new ArrayList<>();
        for (JsonNode rule : rules) {
            names.add(rule.get("number").intValue() + " " + rule.get("rule").stringValue());
            assertThat(rule.get("text").stringValue()).isNotBlank();
            assertThat(rule.get("sources").size()).isPositive();
            assertThat(rule.get("expected").get("eventTypes").size()).isPositive();
            assertThat(rule.get("exclusions").get(0).stringValue()).isEqualTo("DIED");
        }
        assertThat(names).startsWith("1 DETOX_NO_TREATMENT_24H", "2 DISCHARGE_WITHOUT_HOUSING")
                .endsWith("10 OVERDOSE_NO_FOLLOW_UP_48H").hasSize(10);

        JsonNode detox = rules.get(0);
        assertThat(detox.get("text").stringValue()).isEqualTo("Nobody leaves detox without treatment within a day.");
        assertThat(detox.get("trigger").get("eventType").stringValue()).isEqualTo("EPISODE_ENDED");
        assertThat(detox.get("versions").get(0).get("deadline").stringValue()).isEqualTo("PT24H");
        assertThat(detox.get("versions").get(1).get("deadline").stringValue()).isEqualTo("PT12H");
        assertThat(rules.get(1).get("versions").get(1).get("deadline").stringValue())
                .as("a version keeps the deadlines it does not change").isEqualTo("PT0S");
        assertThat(rules.get(1).get("exclusions").toString()).contains("READMITTED");
    }
}
