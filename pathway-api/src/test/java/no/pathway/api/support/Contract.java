package no.pathway.api.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.pathway.api.contract.OpenApiDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract check of every call the integration tests make ({@link Api}, {@link RawHttp}): the exchange is held
 * against the published OpenAPI document (openapi/pathway.yaml) with Atlassian's validator.
 *
 * <ul>
 *   <li>Every answer under {@code /api/} must be one the document describes for its operation: status, content
 *   type, headers and body. An answer to a path or method the document does not know must be a problem.</li>
 *   <li>A request the service accepted (2xx) must be one the document allows, so that the document is never stricter
 *   than the service. In a batch answered 200, the events answered 2xx must be. A request answered 4xx or 5xx
 *   may be invalid on purpose (the hostile-input tests send such); then only its answer is checked.</li>
 * </ul>
 *
 * A mismatch fails the test with the operation ({@code operationId}, method and path template) and each finding.
 */
public final class Contract {
    /** A body sent to an operation that takes none is ignored by the service; the tests send {@code {}} there. */
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(OpenApiDocument.read())
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request.body.unexpected", ValidationReport.Level.IGNORE).build())
            .build();
    private static final Set<String> PROBLEM_FIELDS = Set.of("type", "title", "status", "detail", "errors");
    private static final String BATCH = "/api/v1/events/batch";

    private Contract() {
    }

    /** One exchange as the client saw it; {@code target} is the request target (path and query, as sent). */
    public record Exchange(String method, String target, Map<String, List<String>> requestHeaders, String requestBody,
                           int status, Map<String, List<String>> responseHeaders, String responseBody) {
    }

    /** Checks one exchange; throws {@link AssertionError} naming the operation and each mismatch. */
    public static void check(Exchange exchange) {
        String path = pathOf(exchange.target());
        if (!path.startsWith("/api/")) {
            return;
        }
        Request.Method method;
        try {
            method = Request.Method.valueOf(exchange.method().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            requireProblem(exchange, "a method OpenAPI has no word for");
            return;
        }
        ValidationReport answer = VALIDATOR.validateResponse(path, method, response(exchange));
        if (unknownOperation(answer)) {
            requireProblem(exchange, "a path or method the document does not describe");
            return;
        }
        fail("the answer does not match the document", exchange, answer);
        if (exchange.status() >= 200 && exchange.status() < 300) {
            fail("the service accepted a request the document does not allow", exchange,
                    VALIDATOR.validateRequest(request(exchange, acceptedPart(exchange))));
        }
    }

    private static boolean unknownOperation(ValidationReport report) {
        return report.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.path.missing")
                || m.getKey().equals("validation.request.operation.notAllowed"));
    }

    private static void fail(String what, Exchange exchange, ValidationReport report) {
        if (!report.hasErrors()) {
            return;
        }
        String operation = report.getMessages().stream().flatMap(m -> m.getContext().stream())
                .flatMap(c -> c.getApiOperation().stream()).findFirst()
                .map(o -> o.getOperation().getOperationId() + " (" + o.getMethod() + " " + o.getApiPath().original()
                        + ")").orElse(exchange.method() + " " + pathOf(exchange.target()));
        String findings = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> "  - " + m.getKey() + ": " + m.getMessage()
                        + (m.getAdditionalInfo().isEmpty() ? "" : " " + m.getAdditionalInfo())
                        + m.getNestedMessages().stream().map(n -> "\n      " + n.getMessage())
                        .collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
        throw new AssertionError("Contract (openapi/pathway.yaml): " + what + ".\nOperation " + operation
                + ", request " + exchange.method() + " " + exchange.target() + ", answered " + exchange.status()
                + ":\n" + findings + "\nAnswer body: " + abbreviated(exchange.responseBody()));
    }

    /** An answer outside the document's operations must still be a problem in the one shape. */
    private static void requireProblem(Exchange exchange, String what) {
        String contentType = header(exchange.responseHeaders(), "Content-Type");
        boolean shaped = exchange.status() >= 400 && contentType != null
                && contentType.startsWith("application/problem+json");
        if (shaped) {
            JsonNode body = Api.JSON.readTree(exchange.responseBody());
            shaped = body.isObject() && body.path("status").asInt() == exchange.status()
                    && body.path("title").isString() && body.path("type").isString()
                    && PROBLEM_FIELDS.containsAll(body.propertyNames());
        }
        if (!shaped) {
            throw new AssertionError("Contract (openapi/pathway.yaml): the answer to " + what + " is not a problem: "
                    + exchange.method() + " " + exchange.target() + " answered " + exchange.status() + " "
                    + contentType + " " + abbreviated(exchange.responseBody()));
        }
    }

    /** For a batch answered 200: only the events answered 2xx (the others were refused, maybe on purpose). */
    private static String acceptedPart(Exchange exchange) {
        if (!pathOf(exchange.target()).equals(BATCH) || exchange.status() != 200) {
            return exchange.requestBody();
        }
        JsonNode posted = Api.JSON.readTree(exchange.requestBody());
        JsonNode results = Api.JSON.readTree(exchange.responseBody()).path("results");
        ArrayNode accepted = Api.JSON.createArrayNode();
        for (JsonNode result : results) {
            if (result.path("status").asInt() < 300) {
                accepted.add(posted.path("events").get(result.path("index").asInt()));
            }
        }
        ObjectNode body = Api.JSON.createObjectNode();
        body.set("events", accepted);
        return body.toString();
    }

    private static SimpleRequest request(Exchange exchange, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), pathOf(exchange.target()));
        exchange.requestHeaders().forEach(request::withHeader);
        queryOf(exchange.target()).forEach(request::withQueryParam);
        if (body != null && !body.isEmpty()) {
            request.withBody(body);
        }
        return request.build();
    }

    private static SimpleResponse response(Exchange exchange) {
        SimpleResponse.Builder response = new SimpleResponse.Builder(exchange.status());
        exchange.responseHeaders().forEach(response::withHeader);
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            response.withBody(exchange.responseBody());
        }
        return response.build();
    }

    static String pathOf(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    private static Map<String, List<String>> queryOf(String target) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        int at = target.indexOf('?');
        if (at < 0) {
            return query;
        }
        for (String pair : target.substring(at + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
