package no.pathway.api.http;

/** Answered as 404. The message must not reveal anything about other pathways. */
public class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
        super(message, null, false, false);
    }
}
