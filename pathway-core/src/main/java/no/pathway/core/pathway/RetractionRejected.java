package no.pathway.core.pathway;

/** A retraction that names no event its source posted on this pathway, or names a retraction. */
public class RetractionRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RetractionRejected(String message) {
        super(message);
    }
}
