package no.pathway.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import no.pathway.api.security.Role;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Counts name no pathway, but a small count can single a person out: every aggregate read is in the access log,
 * with its reader and call and no pathways (docs/security.md, "Access log").
 */
class AggregateReadsIT extends ApiIT {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "COORDINATOR, /api/v1/gaps/summary?groupBy=municipality, GET /api/v1/gaps/summary",
            "COORDINATOR, /api/v1/indicators?groupBy=rule, GET /api/v1/indicators",
            "AUDITOR, /api/v1/gaps/summary, GET /api/v1/gaps/summary",
            "AUDITOR, /api/v1/indicators?groupBy=municipality&from=2026-01-01, GET /api/v1/indicators"})
    void an_aggregate_read_is_logged_with_its_reader_and_no_pathways(Role role, String path, String call) {
        String client = "reader-" + UUID.randomUUID();
        Api reader = api.as(token(client, Set.of(role), Set.of("0301")));
        assertThat(reader.get(path).status()).isEqualTo(200);

        JsonNode entries = api.get("/api/v1/audit/access-log?subject=user-" + client).json().get("entries");
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.get("call").stringValue()).isEqualTo(call);
            assertThat(entry.get("roles").stringValue()).isEqualTo(role.name());
            assertThat(entry.get("pathwayIds")).isEmpty();
        });
    }
}
