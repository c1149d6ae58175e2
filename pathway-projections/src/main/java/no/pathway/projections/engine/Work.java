package no.pathway.projections.engine;

/**
 * A count of the engine's work: facts looked at by its queries and triggers judged. Deterministic, unlike time,
 * so a test can check that the work grows near-linearly with a pathway's events (docs/performance.md).
 */
final class Work {
    private long count;

    void add(long n) {
        count += n;
    }

    long count() {
        return count;
    }
}
