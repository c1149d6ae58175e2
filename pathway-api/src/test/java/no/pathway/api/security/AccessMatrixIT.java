package no.pathway.api.security;

import static no.pathway.api.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.TestPersons;
import no.pathway.api.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every role against every endpoint, with real tokens from the running application's issuer: allowed, forbidden
 * or not found, and every broken token refused.
 */
class AccessMatrixIT extends ApiIT {
    private static final String OSLO = "0301";
    private static final String BERGEN = "4601";

    private String osloPerson;
    private String osloPathway;
    private String bergenPathway;

    record Endpoint(String method, String path, String body) {
    }

    @BeforeEach
    void twoPathways() {
        osloPerson = TestPersons.next();
        String bergenPerson = TestPersons.next();
        osloPathway = api.post("/api/v1/events", event("OVERDOSE_RECORDED", osloPerson, "2026-03-02T08:00:00Z",
                "fatal", false, "municipality", OSLO)).json().get("pathwayId").stringValue();
        bergenPathway = api.post("/api/v1/events", event("OVERDOSE_RECORDED", bergenPerson, "2026-03-02T08:00:00Z",
                "fatal", false, "municipality", BERGEN)).json().get("pathwayId").stringValue();
        awaitReadModels();
    }

    private List<Endpoint> endpoints(String pathway) {
        String newEvent = Api.JSON.writeValueAsString(event("PERSON_DIED", TestPersons.next(),
                "2026-03-02T08:00:00Z"));
        return List.of(
                new Endpoint("POST", "/api/v1/events", newEvent),
                new Endpoint("POST", "/api/v1/events/batch", "{\"events\":[]}"),
                new Endpoint("POST", "/api/v1/pathways/lookup", "{\"personId\":\"" + osloPerson + "\"}"),
                new Endpoint("GET", "/api/v1/pathways/" + pathway, null),
                new Endpoint("GET", "/api/v1/pathways/" + pathway + "/gaps", null),
                new Endpoint("GET", "/api/v1/pathways/" + pathway + "/history", null),
                new Endpoint("GET", "/api/v1/gaps", null),
                new Endpoint("GET", "/api/v1/gaps/summary", null),
                new Endpoint("GET", "/api/v1/indicators", null),
                new Endpoint("GET", "/api/v1/admin/read-models", null),
                new Endpoint("GET", "/actuator/metrics", null));
    }

    private int status(String token, Endpoint e) {
        return api.as(token).call(e.method(), e.path(), e.body(), Map.of()).status();
    }

    private Map<String, Integer> row(String token, String pathway) {
        Map<String, Integer> row = new java.util.LinkedHashMap<>();
        for (Endpoint e : endpoints(pathway)) {
            row.put(e.method() + " " + e.path().replace(pathway, "{id}"), status(token, e));
        }
        return row;
    }

    @Test
    void each_role_reaches_exactly_its_endpoints() {
        String source = token("ahus-dips", Set.of(Role.SOURCE), Set.of());
        String coordinator = token("kommune-oslo", Set.of(Role.COORDINATOR), Set.of(OSLO));
        String auditor = token("helsetilsynet", Set.of(Role.AUDITOR), Set.of());
        String operator = token("drift", Set.of(Role.OPERATOR), Set.of());

        assertThat(row(source, osloPathway)).containsExactly(
                Map.entry("POST /api/v1/events", 201), Map.entry("POST /api/v1/events/batch", 200),
                Map.entry("POST /api/v1/pathways/lookup", 403), Map.entry("GET /api/v1/pathways/{id}", 403),
                Map.entry("GET /api/v1/pathways/{id}/gaps", 403), Map.entry("GET /api/v1/pathways/{id}/history", 403),
                Map.entry("GET /api/v1/gaps", 403), Map.entry("GET /api/v1/gaps/summary", 403),
                Map.entry("GET /api/v1/indicators", 403), Map.entry("GET /api/v1/admin/read-models", 403),
                Map.entry("GET /actuator/metrics", 403));
        assertThat(row(coordinator, osloPathway)).containsExactly(
                Map.entry("POST /api/v1/events", 403), Map.entry("POST /api/v1/events/batch", 403),
                Map.entry("POST /api/v1/pathways/lookup", 200), Map.entry("GET /api/v1/pathways/{id}", 200),
                Map.entry("GET /api/v1/pathways/{id}/gaps", 200), Map.entry("GET /api/v1/pathways/{id}/history", 403),
                Map.entry("GET /api/v1/gaps", 200), Map.entry("GET /api/v1/gaps/summary", 200),
                Map.entry("GET /api/v1/indicators", 200), Map.entry("GET /api/v1/admin/read-models", 403),
                Map.entry("GET /actuator/metrics", 403));
        assertThat(row(auditor, bergenPathway)).containsExactly(
                Map.entry("POST /api/v1/events", 403), Map.entry("POST /api/v1/events/batch", 403),
                Map.entry("POST /api/v1/pathways/lookup", 200), Map.entry("GET /api/v1/pathways/{id}", 200),
                Map.entry("GET /api/v1/pathways/{id}/gaps", 200), Map.entry("GET /api/v1/pathways/{id}/history", 200),
                Map.entry("GET /api/v1/gaps", 200), Map.entry("GET /api/v1/gaps/summary", 200),
                Map.entry("GET /api/v1/indicators", 200), Map.entry("GET /api/v1/admin/read-models", 403),
                Map.entry("GET /actuator/metrics", 403));
        assertThat(row(operator, osloPathway)).containsExactly(
                Map.entry("POST /api/v1/events", 403), Map.entry("POST /api/v1/events/batch", 403),
                Map.entry("POST /api/v1/pathways/lookup", 403), Map.entry("GET /api/v1/pathways/{id}", 403),
                Map.entry("GET /api/v1/pathways/{id}/gaps", 403), Map.entry("GET /api/v1/pathways/{id}/history", 403),
                Map.entry("GET /api/v1/gaps", 403), Map.entry("GET /api/v1/gaps/summary", 403),
                Map.entry("GET /api/v1/indicators", 403), Map.entry("GET /api/v1/admin/read-models", 200),
                Map.entry("GET /actuator/metrics", 200));
    }

    @Test
    void the_rule_catalogue_is_for_every_role_and_no_one_without_a_token() {
        for (Role role : Role.values()) {
            assertThat(api.as(token("c-" + role, Set.of(role), Set.of(OSLO))).get("/api/v1/rules").status())
                    .as("%s", role).isEqualTo(200);
        }
        assertThat(api.as(null).get("/api/v1/rules").status()).isEqualTo(401);
    }

    @Test
    void audit_endpoints_are_for_auditors_only() {
        List<String> paths = List.of("/api/v1/pathways/" + osloPathway + "/verify",
                "/api/v1/pathways/" + osloPathway + "/export", "/api/v1/pathways/" + osloPathway + "/gaps/timeline",
                "/api/v1/pathways/" + osloPathway + "/access-log", "/api/v1/audit/access-log?subject=x",
                "/api/v1/audit/dashboard?municipality=" + OSLO + "&at=2026-03-02T08:00:00Z");
        Map<Role, Integer> expected = Map.of(Role.SOURCE, 403, Role.COORDINATOR, 403, Role.AUDITOR, 200,
                Role.OPERATOR, 403);
        expected.forEach((role, status) -> {
            Api caller = api.as(token("c-" + role, Set.of(role), Set.of(OSLO)));
            for (String path : paths) {
                assertThat(caller.get(path).status()).as("%s %s", role, path).isEqualTo(status);
            }
            assertThat(caller.post("/api/v1/audit/access-log/by-person", Map.of("personId", osloPerson)).status())
                    .as("%s by-person", role).isEqualTo(status);
        });
        assertThat(api.as(null).get(paths.get(0)).status()).isEqualTo(401);
    }

    @Test
    void a_gaps_follow_up_is_for_coordinators_of_its_municipality_only() {
        String gapId = api.get("/api/v1/pathways/" + osloPathway + "/gaps").json().get("gaps").get(0).get("gapId")
                .stringValue();
        Map<String, String> actions = Map.of("/assignment", "{\"assignee\":\"user-kari\"}",
                "/follow-up-attempts", "{\"outcome\":\"NOT_REACHED\"}");
        Map<String, Integer> expected = Map.of("source", 403, "auditor", 403, "operator", 403, "bergen", 404,
                "oslo", 201, "no token", 401);
        Map<String, String> tokens = new java.util.HashMap<>(Map.of(
                "source", token("ahus-dips", Set.of(Role.SOURCE), Set.of(OSLO)),
                "auditor", token("helsetilsynet", Set.of(Role.AUDITOR), Set.of(OSLO)),
                "operator", token("drift", Set.of(Role.OPERATOR), Set.of(OSLO)),
                "bergen", token("kommune-bergen", Set.of(Role.COORDINATOR), Set.of(BERGEN)),
                "oslo", token("kommune-oslo", Set.of(Role.COORDINATOR), Set.of(OSLO))));
        tokens.put("no token", null);
        expected.forEach((who, status) -> actions.forEach((action, body) -> assertThat(api.as(tokens.get(who))
                .call("POST", "/api/v1/gaps/" + gapId + action, body, Map.of()).status())
                .as("%s POST %s", who, action).isEqualTo(status)));
    }

    @Test
    void a_pathway_of_another_municipality_does_not_exist_for_a_coordinator() {
        Api oslo = api.as(token("kommune-oslo", Set.of(Role.COORDINATOR), Set.of(OSLO)));
        Api.Response unknown = oslo.get("/api/v1/pathways/" + "C".repeat(43));
        Api.Response other = oslo.get("/api/v1/pathways/" + bergenPathway);

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.text()).isEqualTo(unknown.text());
        assertThat(oslo.get("/api/v1/pathways/" + bergenPathway + "/gaps").text())
                .isEqualTo(oslo.get("/api/v1/pathways/" + "C".repeat(43) + "/gaps").text());
        Api.Response lookupOther = oslo.post("/api/v1/pathways/lookup", Map.of("personId", TestPersons.next()));
        assertThat(lookupOther.status()).isEqualTo(404);
        // filters and summaries reveal nothing either
        assertThat(oslo.get("/api/v1/gaps?municipality=" + BERGEN).status()).isEqualTo(403);
        assertThat(oslo.get("/api/v1/gaps?municipality=" + OSLO + "," + BERGEN).status()).isEqualTo(403);
        // other test classes share the database: ask for this test's rule, in the largest page
        assertThat(oslo.get("/api/v1/gaps?rule=OVERDOSE_NO_FOLLOW_UP_48H&limit=500").json()
                .findValuesAsString("pathwayId")).doesNotContain(bergenPathway).contains(osloPathway);
        assertThat(oslo.get("/api/v1/gaps/summary?groupBy=municipality").json().findValuesAsString("group"))
                .containsOnly(OSLO);
        assertThat(oslo.get("/api/v1/indicators?groupBy=municipality&from=2026-01-01").json()
                .findValuesAsString("group")).containsOnly(OSLO);
        assertThat(oslo.get("/api/v1/gaps/summary?municipality=" + BERGEN).status()).isEqualTo(403);
        // what the service knew then is for auditors
        assertThat(oslo.get("/api/v1/pathways/" + osloPathway + "/gaps?knownAt=2026-03-03T00:00:00Z").status())
                .isEqualTo(403);
    }

    @Test
    void a_coordinator_without_municipalities_sees_nothing() {
        Api nowhere = api.as(token("kommune-x", Set.of(Role.COORDINATOR), Set.of()));
        assertThat(nowhere.get("/api/v1/gaps").status()).isEqualTo(403);
        assertThat(nowhere.get("/api/v1/pathways/" + osloPathway).status()).isEqualTo(404);
    }

    @Test
    void a_source_posts_in_its_own_name_only() {
        String person = TestPersons.next();
        var posted = event("HOUSING_RECORDED", person, "2026-03-02T08:00:00Z", "housing", "NONE");
        api.as(token("ahus-dips", Set.of(Role.SOURCE), Set.of())).post("/api/v1/events", posted);
        var retraction = event("EVENT_RETRACTED", person, "2026-03-02T09:00:00Z",
                "retractedEventId", posted.get("eventId"), "reason", "not ours");
        Api.Response byOther = api.as(token("nav", Set.of(Role.SOURCE), Set.of()))
                .post("/api/v1/events", retraction);
        assertThat(byOther.status()).isEqualTo(400);
        assertThat(byOther.json().get("errors").get(0).get("field").stringValue()).isEqualTo("retractedEventId");
    }

    @Test
    void broken_tokens_are_refused_with_401() throws Exception {
        Endpoint gaps = new Endpoint("GET", "/api/v1/gaps", null);
        JWTClaimsSet.Builder valid = new JWTClaimsSet.Builder().issuer(issuer.issuer()).audience("pathway")
                .subject("x").claim("client_id", "x").claim("scope", "pathway:audit.read")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
        RSAKey otherKey = DevIssuer.newKey();

        assertThat(api.as(null).get("/api/v1/gaps").status()).as("missing").isEqualTo(401);
        assertThat(status("not-a-jwt", gaps)).as("garbage").isEqualTo(401);
        assertThat(status(TestTokens.mint(issuer, "x", Set.of(Role.AUDITOR), Set.of(), Duration.ofSeconds(-120)),
                gaps)).as("expired").isEqualTo(401);
        assertThat(status(DevIssuer.sign(valid.build(), otherKey), gaps)).as("wrongly signed").isEqualTo(401);
        assertThat(status(DevIssuer.sign(new JWTClaimsSet.Builder(valid.build()).audience("other").build(),
                issuerKey()), gaps)).as("wrong audience").isEqualTo(401);
        assertThat(status(DevIssuer.sign(new JWTClaimsSet.Builder(valid.build()).issuer("urn:evil").build(),
                issuerKey()), gaps)).as("wrong issuer").isEqualTo(401);
        assertThat(status(DevIssuer.sign(valid.build(), issuerKey()), gaps)).as("the control").isEqualTo(200);

        Api.Response refused = api.as("not-a-jwt").get("/api/v1/gaps");
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.as(null).headers("/api/v1/gaps")).containsKey("www-authenticate");
    }

    @Test
    void health_is_open_but_its_details_are_for_operators() {
        assertThat(api.as(null).get("/actuator/health").json().get("status").stringValue()).isEqualTo("UP");
        assertThat(api.as(null).get("/actuator/health").json().has("components")).isFalse();
        assertThat(api.as(token("drift", Set.of(Role.OPERATOR), Set.of())).get("/actuator/health").json()
                .has("components")).isTrue();
        assertThat(api.as(null).get("/actuator/metrics").status()).isEqualTo(401);
    }

    @Test
    void responses_carry_security_headers_and_no_cors() {
        Map<String, List<String>> headers = api.headers("/api/v1/gaps");
        assertThat(headers.get("x-content-type-options")).containsExactly("nosniff");
        assertThat(headers.get("x-frame-options")).containsExactly("DENY");
        assertThat(headers.get("content-security-policy").get(0)).contains("default-src 'none'");
        assertThat(headers.get("cache-control").get(0)).contains("no-store");
        assertThat(headers).doesNotContainKey("access-control-allow-origin");
        Api.Response preflight = api.as(null).call("OPTIONS", "/api/v1/gaps", null,
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "GET"));
        assertThat(preflight.status()).isGreaterThanOrEqualTo(400);
    }

    /** The application's own signing key, to forge otherwise valid tokens with one claim wrong. */
    private RSAKey issuerKey() throws Exception {
        return RSAKey.parse(java.nio.file.Files.readString(
                java.nio.file.Path.of(no.pathway.api.support.TestDatabase.devIssuerKeyFile())));
    }
}
