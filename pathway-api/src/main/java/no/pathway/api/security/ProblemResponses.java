package no.pathway.api.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.pathway.api.http.Problem;
import org.springframework.http.HttpStatus;

/** Writes problem+json from filters, where no controller advice runs. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        Problem.of(status, detail).writeTo(response);
    }
}
