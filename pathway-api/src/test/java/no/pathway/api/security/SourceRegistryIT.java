package no.pathway.api.security;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Source systems post only what the registry grants them (docs/security.md, "Source registry"), against the
 * development registry of application-dev.properties: an unregistered client nothing at all, a registered one each
 * event within its grant, and an event outside it is refused alone (403, the field named, nothing echoed).
 */
class SourceRegistryIT extends ApiIT {

    private Api as(String client) {
        return api.as(token(client, Set.of(Role.SOURCE), Set.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unregistered-hospital", "AHUS-DIPS", "ahus-dips-2"})
    void an_unregistered_client_may_not_post_at_all(String client) {
        long before = storedEvents();
        Api unregistered = as(client);
        for (Api.Response refused : List.of(
                unregistered.post("/api/v1/events", event("PERSON_DIED", TestPersons.next(), "2026-03-02T08:00:00Z")),
                unregistered.post("/api/v1/events/batch", "{\"events\": [{}]}", Map.of()),
                unregistered.post("/api/v1/events", "not json", Map.of()))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").stringValue()).contains("not registered as a source system");
            assertThat(refused.text()).doesNotContain(client);
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} posts {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ahus-dips        | EPISODE_ENDED     | setting=DETOX        | -
            ahus-dips        | EPISODE_ENDED     | setting=PRISON       | setting
            ahus-dips        | HANDOVER_SENT     | fromSetting=DETOX    | -
            ahus-dips        | HANDOVER_SENT     | fromSetting=NAV      | fromSetting
            ahus-dips        | HOUSING_RECORDED  | municipality=4601    | -
            ahus-dips        | ACTIVITY_RECORDED | -                    | type
            oslo-kommune     | CONTACT_ASSIGNED  | municipality=0301    | -
            oslo-kommune     | HOUSING_RECORDED  | municipality=4601    | municipality
            oslo-kommune     | CONTACT_ASSIGNED  | setting=RESIDENTIAL  | setting
            nav              | EPISODE_STARTED   | setting=NAV          | -
            nav              | ACTIVITY_RECORDED | municipality=5001    | -
            nav              | OVERDOSE_RECORDED | -                    | type
            kriminalomsorgen | EPISODE_ENDED     | setting=PRISON       | -
            kriminalomsorgen | HANDOVER_SENT     | fromSetting=PRISON   | -
            kriminalomsorgen | EPISODE_STARTED   | setting=DETOX        | setting
            kriminalomsorgen | HOUSING_RECORDED  | -                    | type
            """)
    void a_registered_source_posts_within_its_grant(String client, String type, String change, String refused) {
        Map<String, Object> posted = fact(type);
        if (change != null) {
            posted.put(change.substring(0, change.indexOf('=')), change.substring(change.indexOf('=') + 1));
        }
        long before = storedEvents();

        Api.Response response = as(client).post("/api/v1/events", posted);

        if (refused == null) {
            assertThat(response.status()).as(response.text()).isEqualTo(201);
        } else {
            assertThat(response.status()).as(response.text()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(refused);
            assertThat(storedEvents()).isEqualTo(before);
        }
    }

    @Test
    void in_a_batch_an_event_outside_the_grant_fails_alone() {
        String person = TestPersons.next();
        List<Map<String, Object>> events = List.of(fact("EPISODE_ENDED", person),
                withField(fact("EPISODE_ENDED", person), "setting", "PRISON"), fact("HOUSING_RECORDED", person));

        JsonNode results = as("ahus-dips").post("/api/v1/events/batch", Map.of("events", events)).json()
                .get("results");

        assertThat(results.valueStream().map(r -> r.get("status").intValue()).toList())
                .containsExactly(201, 403, 201);
        assertThat(results.get(1).get("problem").get("errors").findValuesAsString("field")).containsExactly("setting");
        assertThat(results.get(1).get("eventId").stringValue()).isEqualTo(events.get(1).get("eventId"));
    }

    private Map<String, Object> fact(String type) {
        return fact(type, TestPersons.next());
    }

    /** A valid fact of the type, with the first setting each grant above allows changed by the row. */
    private Map<String, Object> fact(String type, String person) {
        String at = clock.instant().minus(Duration.ofHours(1)).toString();
        return switch (type) {
            case "EPISODE_STARTED" -> event(type, person, at, "episodeId", "ep-1", "setting", "NAV");
            case "EPISODE_ENDED" -> event(type, person, at, "episodeId", "ep-1", "setting", "DETOX",
                    "endReason", "COMPLETED");
            case "HANDOVER_SENT" -> event(type, person, at, "handoverId", "h-1", "fromSetting", "DETOX",
                    "toSetting", "MUNICIPALITY");
            case "HOUSING_RECORDED" -> event(type, person, at, "housing", "OWN");
            case "ACTIVITY_RECORDED" -> event(type, person, at, "activity", "WORK");
            case "CONTACT_ASSIGNED" -> event(type, person, at, "setting", "MUNICIPALITY", "role", "COORDINATOR");
            case "OVERDOSE_RECORDED" -> event(type, person, at, "fatal", false);
            default -> throw new IllegalArgumentException(type);
        };
    }

    private static Map<String, Object> withField(Map<String, Object> event, String field, Object value) {
        event.put(field, value);
        return event;
    }
}
