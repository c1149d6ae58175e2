package no.pathway.api.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the running application, speaking JSON. Every exchange is checked against the published
 * OpenAPI document ({@link Contract}).
 */
public final class Api {
    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** A response: status, content type and the body as JSON (or as text when it is not JSON). */
    public record Response(int status, String contentType, String text) {
        public JsonNode json() {
            return JSON.readTree(text);
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    /** A client without a token. */
    public Api(int port) {
        this(port, null);
    }

    /** A client that sends {@code Authorization: Bearer token} on every call. */
    public Api(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    public Api as(String otherToken) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherToken);
    }

    public Response post(String path, Object body) {
        return post(path, body instanceof String s ? s : JSON.writeValueAsString(body), Map.of());
    }

    public Response post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        authorize(request);
        headers.forEach(request::setHeader);
        return send(request.build(), body);
    }

    public Response get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        authorize(request);
        return send(request.build(), null);
    }

    /** Any method, for the hostile-input and matrix tests. */
    public Response call(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        authorize(request);
        headers.forEach(request::setHeader);
        return send(request.build(), body);
    }

    public Map<String, List<String>> headers(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        authorize(request);
        return exchange(request.build(), null).headers().map();
    }

    private void authorize(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
    }

    private Response send(HttpRequest request, String body) {
        HttpResponse<String> response = exchange(request, body);
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private HttpResponse<String> exchange(HttpRequest request, String body) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String target = request.uri().getRawPath()
                    + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
            Contract.check(new Contract.Exchange(request.method(), target, request.headers().map(), body,
                    response.statusCode(), response.headers().map(), response.body()));
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
