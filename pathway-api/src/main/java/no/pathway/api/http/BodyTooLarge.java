package no.pathway.api.http;

/** Answered as 413. */
public class BodyTooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BodyTooLarge(long limit) {
        super("The request body exceeds the limit of " + limit + " bytes.", null, false, false);
    }
}
