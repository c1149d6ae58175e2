package no.pathway.api.http;

/** A refusal that already knows its problem+json answer (e.g. a pathway that holds the most events it may). */
public class Answered extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public Answered(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
