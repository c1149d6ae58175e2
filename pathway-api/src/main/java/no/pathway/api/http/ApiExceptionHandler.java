package no.pathway.api.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place that turns exceptions into problem+json. Framework errors (405, 406, 415, an unknown path, …)
 * keep their status and headers ({@code Allow}, {@code Accept}) but get {@link Problem#of(int)}'s words, never
 * Spring's detail, which quotes the method or the media type. Nothing here logs an exception's message.
 */
@RestControllerAdvice
public class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<Problem> invalid(InvalidRequest e) {
        return Problem.invalid(e.problems()).toResponse();
    }

    @ExceptionHandler(BodyTooLarge.class)
    ResponseEntity<Problem> tooLarge(BodyTooLarge e) {
        return Problem.of(HttpStatus.CONTENT_TOO_LARGE, e.getMessage()).toResponse();
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Problem> notFound(NotFound e) {
        return Problem.of(HttpStatus.NOT_FOUND, e.getMessage()).toResponse();
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<Problem> forbidden(Forbidden e) {
        return Problem.of(HttpStatus.FORBIDDEN, e.getMessage()).toResponse();
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Problem> denied(AccessDeniedException e) {
        return Problem.of(403).toResponse();
    }

    /** The firewall's checks run when a header is first read, which can be in a controller or an interceptor. */
    @ExceptionHandler({RequestRejectedException.class, HttpMessageNotReadableException.class,
            TypeMismatchException.class})
    ResponseEntity<Problem> rejected(Exception e) {
        return Problem.of(400).toResponse();
    }

    /** Anything else; Spring MVC's own refusals (an {@link ErrorResponse}) keep their status and headers. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e) {
        if (e instanceof ErrorResponse framework) {
            HttpHeaders headers = new HttpHeaders();
            headers.putAll(framework.getHeaders());
            int status = framework.getStatusCode().value();
            return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problem.of(status));
        }
        QuietErrors.error(log, "Unexpected error", e);
        return Problem.of(500).toResponse();
    }
}
