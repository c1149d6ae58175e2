package no.pathway.projections;

import java.time.Duration;

/** Told of every read-model batch the processor judges: for metrics and warnings, never for data. */
@FunctionalInterface
public interface BatchObserver {
    /**
     * @param pathways how many pathways the batch judged
     * @param waited   how long the batch's oldest event had been recorded when the processor reached it; zero in a
     *                 replay, where events are old by design
     * @param took     how long judging the batch and writing its rows took
     */
    void judged(int pathways, Duration waited, Duration took);
}
