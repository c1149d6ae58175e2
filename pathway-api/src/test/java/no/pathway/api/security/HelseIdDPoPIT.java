package no.pathway.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Provider;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.pathway.api.support.Api;
import no.pathway.api.support.Events;
import no.pathway.api.support.TestDatabase;
import no.pathway.api.support.TestPersons;
import no.pathway.api.support.TestSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service against a real OpenID Connect issuer (NAV's mock-oauth2-server, in process), configured as for HelseID
 * (docs/security.md, "HelseID"): its discovery document and keys by {@code issuer-uri}, access tokens of type
 * {@code at+jwt}, a source system that authenticates with {@code private_key_jwt} in the client-credentials grant and
 * asks with a DPoP proof, and gets a token bound to its DPoP key ({@code cnf.jkt}, which the mock issuer adds through
 * its token callback as HelseID does for a DPoP token request). Such a token posts an event with a fresh proof; a
 * replayed proof, one for another URL or method, one from another key, an old one, and the token without a proof
 * (either scheme) are each refused with 401 and the DPoP challenge. A plain bearer token from the same issuer keeps
 * working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HelseIdDPoPIT {
    private static final String ISSUER_ID = "helseid";
    private static final String CLIENT = "test-source";
    private static final String SCOPE = "pathway:events.write";
    private static final MockOAuth2Server ISSUER = started();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private static MockOAuth2Server started() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @AfterAll
    static void stop() {
        ISSUER.shutdown();
    }

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        TestSettings.register(registry, TestDatabase::url);
        registry.add("pathway.security.dev-issuer.enabled", () -> "false");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> ISSUER.issuerUrl(ISSUER_ID).toString());
        registry.add("pathway.security.token-type", () -> "at+jwt");
    }

    /** What a source system holds: its client key (private_key_jwt) and its DPoP key. */
    private record Client(RSAKey clientKey, ECKey dpopKey) {
        static Client generate() throws Exception {
            return new Client(new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate(),
                    new ECKeyGenerator(Curve.P_256).generate());
        }

        String proof(String method, String url, AccessToken token) throws Exception {
            return new DefaultDPoPProofFactory(dpopKey, JWSAlgorithm.ES256)
                    .createDPoPJWT(method, URI.create(url), token, (Nonce) null).serialize();
        }
    }

    /**
     * The client-credentials grant at the issuer's token endpoint, the client authenticated by a JWT signed with its
     * key; with a DPoP key, the request carries a proof and the token is bound to that key.
     */
    private static AccessTokenResponse token(Client client, boolean dpop, String type) throws Exception {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("scope", SCOPE);
        claims.put("client_id", CLIENT);
        if (dpop) {
            claims.put("cnf", Map.of("jkt", client.dpopKey().computeThumbprint().toString()));
        }
        ISSUER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, CLIENT, type, List.of("pathway"), claims,
                600));
        URI endpoint = URI.create(ISSUER.tokenEndpointUrl(ISSUER_ID).toString());
        PrivateKeyJWT authentication = new PrivateKeyJWT(new ClientID(CLIENT), endpoint, JWSAlgorithm.RS256,
                client.clientKey().toPrivateKey(), client.clientKey().getKeyID(), (Provider) null);
        HTTPRequest request = new TokenRequest(endpoint, authentication, new ClientCredentialsGrant(),
                new Scope(SCOPE)).toHTTPRequest();
        if (dpop) {
            request.setDPoP(new DefaultDPoPProofFactory(client.dpopKey(), JWSAlgorithm.ES256)
                    .createDPoPJWT("POST", endpoint));
        }
        TokenResponse response = TokenResponse.parse(request.send());
        assertThat(response.indicatesSuccess()).as("the issuer's answer").isTrue();
        return response.toSuccessResponse();
    }

    private record Answer(int status, String challenge, String body) {
    }

    private Answer post(String path, String authorization, String proof) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(
                        Events.housing(TestPersons.next(), "2026-03-02T08:00:00Z", "OWN"))));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (proof != null) {
            request.header("DPoP", proof);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("WWW-Authenticate").orElse(""),
                response.body());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String dpop(AccessToken token) {
        return "DPoP " + token.getValue();
    }

    @Test
    void a_bound_token_with_a_fresh_proof_posts_an_event_and_each_broken_proof_is_refused() throws Exception {
        Client client = Client.generate();
        AccessToken token = token(client, true, "at+jwt").getTokens().getAccessToken();
        String events = url("/api/v1/events");

        String proof = client.proof("POST", events, token);
        Answer first = post("/api/v1/events", dpop(token), proof);
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        // the token is now in the verified-token cache; the proof is still checked on every request
        assertRefused(post("/api/v1/events", dpop(token), proof), "invalid_dpop_proof");
        assertRefused(post("/api/v1/events", dpop(token), client.proof("POST", url("/api/v1/events/batch"), token)),
                "invalid_dpop_proof");
        assertRefused(post("/api/v1/events", dpop(token), client.proof("PUT", events, token)), "invalid_dpop_proof");
        assertRefused(post("/api/v1/events", dpop(token), Client.generate().proof("POST", events, token)),
                "invalid_dpop_proof");
        AccessToken other = token(client, true, "at+jwt").getTokens().getAccessToken();
        assertRefused(post("/api/v1/events", dpop(token), client.proof("POST", events, other)), "invalid_dpop_proof");
        assertRefused(post("/api/v1/events", dpop(token), oldProof(client, events, token)), "invalid_dpop_proof");
        assertRefused(post("/api/v1/events", dpop(token), null), "invalid_request");
        assertRefused(post("/api/v1/events", "Bearer " + token.getValue(), null), "invalid_token");

        Answer again = post("/api/v1/events", dpop(token), client.proof("POST", events, token));
        assertThat(again.status()).as("a fresh proof still passes: " + again.body()).isEqualTo(201);
    }

    @Test
    void a_bearer_token_from_the_same_issuer_keeps_working_and_the_access_token_type_is_checked() throws Exception {
        Client client = Client.generate();
        String bearer = token(client, false, "at+jwt").getTokens().getAccessToken().getValue();
        assertThat(post("/api/v1/events", "Bearer " + bearer, null).status()).isEqualTo(201);

        String notAnAccessToken = token(client, false, "JWT").getTokens().getAccessToken().getValue();
        Answer refused = post("/api/v1/events", "Bearer " + notAnAccessToken, null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.challenge()).isEqualTo("Bearer error=\"invalid_token\"");
    }

    @Test
    void a_bound_token_with_a_proof_of_an_unbound_token_is_refused() throws Exception {
        Client client = Client.generate();
        AccessToken unbound = token(client, false, "at+jwt").getTokens().getAccessToken();
        String events = url("/api/v1/events");
        assertRefused(post("/api/v1/events", "DPoP " + unbound.getValue(), client.proof("POST", events, unbound)),
                "invalid_dpop_proof");
    }

    private static String oldProof(Client client, String url, AccessToken token) throws Exception {
        Date twoMinutesAgo = Date.from(Instant.now().minusSeconds(120));
        return new DefaultDPoPProofFactory(client.dpopKey(), JWSAlgorithm.ES256)
                .createDPoPJWT(new JWTID(), "POST", URI.create(url), twoMinutesAgo, token, null).serialize();
    }

    private static void assertRefused(Answer answer, String error) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.challenge()).startsWith("DPoP error=\"" + error + "\"");
        assertThat(answer.body()).contains("\"status\":401");
    }
}
