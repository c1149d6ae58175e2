package no.pathway.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An RFC 9457 problem as this API answers it: never a stack trace, never an internal name, never a submitted
 * value (which could be a national identity number); {@code errors} names each field at fault.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {
    /** How long a client should wait before sending again a request answered 503. */
    static final String RETRY_AFTER_SECONDS = "5";

    public static Problem of(HttpStatus status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.value(), detail, List.of());
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
}
