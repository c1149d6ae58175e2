package no.pathway.api.http;

/** Answered as 403. */
public class Forbidden extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Forbidden(String message) {
        super(message, null, false, false);
    }
}
