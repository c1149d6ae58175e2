package no.pathway.api.web;

/** One field at fault in a request, as it appears in a problem's {@code errors} list. */
public record FieldProblem(String field, String message) {
}
