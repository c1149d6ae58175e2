package no.pathway.api.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** The one place that turns exceptions into problem+json. Framework errors keep Spring's problem details. */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {
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

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e) {
        // The exception type only: messages of lower layers may quote input.
        log.error("Unexpected error of type {}", e.getClass().getName(), e);
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "The service could not complete the request.").toResponse();
    }
}
