package no.pathway.api.http;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import no.pathway.api.eventstore.TransientFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;
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

    @ExceptionHandler(Answered.class)
    ResponseEntity<Problem> answered(Answered e) {
        return e.problem().toResponse();
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

    /**
     * Anything else; Spring MVC's own refusals (an {@link ErrorResponse}) keep their status and headers. A failure
     * that is transient anywhere in its cause chain is a 503 too, whatever wraps it: Axon wraps the database's
     * failures in its own exceptions (reading a pathway's events, say), and a rollback that meets a connection the
     * database closed is a {@code TransactionSystemException} that masks the outage.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e) {
        if (TransientFailure.is(e)) {
            return unavailable(e);
        }
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
