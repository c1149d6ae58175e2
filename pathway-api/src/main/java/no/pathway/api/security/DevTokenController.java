package no.pathway.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.pathway.api.http.InvalidRequest;
import no.pathway.api.http.JsonBody;
import no.pathway.core.value.Identifier;
import no.pathway.core.value.MunicipalityNumber;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Development only: mints a token for a role, so the run command works out of the box. Absent (404) unless
 * {@code pathway.security.dev-issuer.enabled}; outside the dev profile the service refuses to start with it.
 */
@RestController
@ConditionalOnProperty(name = "pathway.security.dev-issuer.enabled", havingValue = "true")
public class DevTokenController {
    static final String PATH = "/dev/tokens";

    public record Token(String accessToken, String tokenType, long expiresIn) {
    }

    private final DevIssuer issuer;
    private final SecurityProperties properties;
    private final JsonBody json;

    DevTokenController(DevIssuer issuer, SecurityProperties properties, JsonBody json) {
        this.issuer = issuer;
        this.properties = properties;
        this.json = json;
    }

    /** {@code {"roles": ["SOURCE"], "client": "ahus-dips", "municipalities": ["0301"], "minutes": 60}} */
    @PostMapping(path = PATH, consumes = "application/json")
    public Token mint(HttpServletRequest request) {
        JsonNode body = json.read(request, 4096);
        List<String> scopes = new ArrayList<>();
        for (JsonNode role : body.path("roles")) {
            switch (role.asString("")) {
                case "SOURCE" -> scopes.add(properties.scopes().source());
                case "COORDINATOR" -> scopes.add(properties.scopes().coordinator());
                case "AUDITOR" -> scopes.add(properties.scopes().auditor());
                case "OPERATOR" -> scopes.add(properties.scopes().operator());
                default -> throw new InvalidRequest("roles", "must list SOURCE, COORDINATOR, AUDITOR or OPERATOR");
            }
        }
        if (scopes.isEmpty()) {
            throw new InvalidRequest("roles", "must list SOURCE, COORDINATOR, AUDITOR or OPERATOR");
        }
        String client = body.path("client").asString("dev-source");
        if (!Identifier.isValid(client)) {
            throw new InvalidRequest("client", "must be 1-128 characters of A-Z a-z 0-9 . _ : -");
        }
        List<String> municipalities = new ArrayList<>();
        for (JsonNode m : body.path("municipalities")) {
            if (MunicipalityNumber.problem(m.asString("")).isPresent()) {
                throw new InvalidRequest("municipalities", "must be 4-digit municipality numbers");
            }
            municipalities.add(m.asString());
        }
        long minutes = Math.max(1, Math.min(24 * 60, body.path("minutes").asLong(60)));
        String token = issuer.mint("dev-user-" + client, client, scopes,
                Map.of(properties.municipalityClaim(), municipalities), Duration.ofMinutes(minutes));
        return new Token(token, "Bearer", minutes * 60);
    }
}
