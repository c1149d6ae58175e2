package no.pathway.api.http;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import no.pathway.projections.quarantine.FailureCause;
import org.axonframework.common.AxonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;
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

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<Problem> forbidden(Forbidden e) {
        return Problem.of(HttpStatus.FORBIDDEN, e.getMessage()).toResponse();
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Problem> denied(AccessDeniedException e) {
        return Problem.of(HttpStatus.FORBIDDEN, "The token does not grant this call.").toResponse();
    }

    /** Unknown paths: no mention of static resources or other internals. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problem.of(HttpStatus.NOT_FOUND, "No such resource."));
    }

    /**
     * A database that is down, overloaded or too slow, or a write that was not confirmed within its bound: 503 with
     * {@code Retry-After}. Sending the same request again is safe, since an event is idempotent by (source, eventId)
     * and reads change nothing (docs/operations.md).
     */
    @ExceptionHandler({TransientDataAccessException.class, DataAccessResourceFailureException.class,
            RecoverableDataAccessException.class, CannotCreateTransactionException.class,
            TransactionTimedOutException.class, SQLTransientException.class, SQLRecoverableException.class,
            Unavailable.class})
    ResponseEntity<Problem> unavailable(Exception e) {
        log.debug("Database unavailable ({}); answered 503", e.getClass().getName());
        return Problem.of(HttpStatus.SERVICE_UNAVAILABLE,
                "The service's database did not answer in time. Send the same request again later.").toResponse();
    }

    /** Axon wraps the database's failures in its own exceptions (reading a pathway's events, say). */
    @ExceptionHandler(AxonException.class)
    ResponseEntity<Problem> axon(AxonException e) {
        return FailureCause.of(e) == FailureCause.TRANSIENT ? unavailable(e) : unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e) {
        // The exception type only: messages of lower layers may quote input.
        log.error("Unexpected error of type {}", e.getClass().getName(), e);
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "The service could not complete the request.").toResponse();
    }
}
