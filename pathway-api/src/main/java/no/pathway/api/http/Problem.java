package no.pathway.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An RFC 9457 problem as this API answers it: never a stack trace, never an internal name, never a submitted
 * value (which could be a national identity number); {@code errors} names each field at fault.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {

    public static Problem of(HttpStatus status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.value(), detail, List.of());
    }

    public static Problem invalid(List<FieldProblem> errors) {
        return new Problem("about:blank", HttpStatus.BAD_REQUEST.getReasonPhrase(), 400,
                "The request has " + errors.size() + (errors.size() == 1 ? " invalid field." : " invalid fields."),
                List.copyOf(errors));
    }

    public ResponseEntity<Problem> toResponse() {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(this);
    }
}
