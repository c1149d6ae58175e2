package no.pathway.api.http;

/** One field at fault in a request, as it appears in a problem's {@code errors} list. */
public record FieldProblem(String field, String message) {
}
