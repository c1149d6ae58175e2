package no.pathway.api.http;

/**
 * Answered as 503 with {@code Retry-After}: the database did not answer in time or is unreachable. Nothing was
 * changed, or (for a write that timed out while queued or storing) it may have been stored; either way the same
 * request may be sent again, since every event is idempotent by its (source, eventId).
 */
public class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unavailable(Throwable cause) {
        super("unavailable", cause, false, false);
    }
}
