package no.pathway.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * An RFC 9457 problem as this API answers it: never a stack trace, never an internal name, never a submitted
 * value (which could be a national identity number); {@code errors} names each field at fault.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {
    /** How long a client should wait before sending again a request answered 503. */
    static final String RETRY_AFTER_SECONDS = "5";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static Problem of(HttpStatus status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.value(), detail, List.of());
    }

    /**
     * The answer to a status where nothing more specific is said: the same words whatever the request was, so that
     * no part of it (path, method, media type, header) is ever echoed.
     */
    public static Problem of(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 400 -> "The request is malformed or carries something this service does not accept.";
            case 401 -> "A valid bearer token is required.";
            case 403 -> "The token does not grant this call.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This service answers application/json only.";
            case 413 -> "The request is too large.";
            case 414 -> "The request target is too long.";
            case 415 -> "This content type is not supported; send application/json.";
            case 429 -> "Too many requests from this client; slow down and retry.";
            case 431 -> "The request headers are too large.";
            case 503 -> "The service is unavailable; retry later.";
            default -> status >= 500 ? "The service could not complete the request." : "The request was refused.";
        };
        return new Problem("about:blank", title, status, detail, List.of());
    }

    public static Problem invalid(List<FieldProblem> errors) {
        return new Problem("about:blank", HttpStatus.BAD_REQUEST.getReasonPhrase(), 400,
                "The request has " + errors.size() + (errors.size() == 1 ? " invalid field." : " invalid fields."),
                List.copyOf(errors));
    }

    /** The problem as a response; a 503 tells the client when to try again (every 503 here is worth a retry). */
    public ResponseEntity<Problem> toResponse() {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.body(this);
    }

    public String json() {
        return JSON.writeValueAsString(this);
    }

    /** Writes this problem where no controller advice runs (filters, handlers of the security chain). */
    public void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json().getBytes(StandardCharsets.UTF_8));
    }
}
