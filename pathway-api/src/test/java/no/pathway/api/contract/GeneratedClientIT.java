package no.pathway.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import no.pathway.api.security.Role;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import no.pathway.client.ApiClient;
import no.pathway.client.ApiException;
import no.pathway.client.api.IngestionApi;
import no.pathway.client.api.PathwaysApi;
import no.pathway.client.model.EndReason;
import no.pathway.client.model.EpisodeEnded;
import no.pathway.client.model.Event;
import no.pathway.client.model.Gap;
import no.pathway.client.model.GapRule;
import no.pathway.client.model.GapStatus;
import no.pathway.client.model.PathwayGaps;
import no.pathway.client.model.PersonLookup;
import no.pathway.client.model.Setting;
import no.pathway.client.model.StoredEvent;
import org.junit.jupiter.api.Test;

/**
 * A Java client generated from the published document (openapi-generator, native library; the build generates it
 * into target/generated-clients/java, nobody edits it) posts an event and reads the gaps, as an integrator would.
 */
class GeneratedClientIT extends ApiIT {

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void a_generated_client_posts_an_event_and_reads_the_gap_it_opened() throws ApiException {
        ApiClient client = client(token("test-source", Set.of(Role.values()), Set.of()));
        String person = TestPersons.next();
        OffsetDateTime ended = clock.instant().minus(2, ChronoUnit.HOURS).atOffset(ZoneOffset.ofHours(1));

        StoredEvent stored = new IngestionApi(client).postEvent(new Event(new EpisodeEnded()
                .eventId("generated-client-" + UUID.randomUUID()).type(EpisodeEnded.TypeEnum.EPISODE_ENDED)
                .personId(person).occurredAt(ended).municipality("0301").episodeId("avr-1").setting(Setting.DETOX)
                .endReason(EndReason.COMPLETED)));
        assertThat(stored.getSequence()).isZero();

        PathwaysApi pathways = new PathwaysApi(client);
        assertThat(pathways.lookupPathway(new PersonLookup().personId(person)).getPathwayId())
                .isEqualTo(stored.getPathwayId());
        PathwayGaps gaps = pathways.getPathwayGaps(stored.getPathwayId(), null, null);
        assertThat(gaps.getGaps()).extracting(Gap::getRule).contains(GapRule.DETOX_NO_TREATMENT_24_H);
        assertThat(gaps.getGaps()).filteredOn(g -> g.getRule() == GapRule.DETOX_NO_TREATMENT_24_H)
                .extracting(Gap::getStatus).containsExactly(GapStatus.PROSPECTIVE);
    }

    @Test
    void a_generated_client_gets_the_problem_of_a_refused_event() {
        ApiClient client = client(token("test-source", Set.of(Role.values()), Set.of()));
        EpisodeEnded bad = new EpisodeEnded().eventId("generated-client-bad").type(EpisodeEnded.TypeEnum.EPISODE_ENDED)
                .personId("12345678901").occurredAt(OffsetDateTime.now(clock).minusHours(1)).episodeId("avr-2")
                .setting(Setting.DETOX).endReason(EndReason.COMPLETED);

        assertThatThrownBy(() -> new IngestionApi(client).postEvent(new Event(bad)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getResponseBody()).contains("\"field\":\"personId\"").doesNotContain("12345678901");
                });
    }
}
