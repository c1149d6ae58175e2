package no.pathway.api.http;

import java.util.List;

/** Thrown by request validation; answered as 400 with every field at fault. */
public class InvalidRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldProblem> problems;

    public InvalidRequest(List<FieldProblem> problems) {
        super("invalid request", null, false, false);
        this.problems = List.copyOf(problems);
    }

    public InvalidRequest(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
