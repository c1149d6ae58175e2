package no.pathway.api.ingest;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import no.pathway.api.eventstore.TransientFailure;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * What a writer does when storing fails. A conflict with a concurrent writer (another instance, the same key posted
 * twice at once) is tried again from the receipt lookup after a short random pause, so a race ends as a stored
 * event or as the answer to a retry; after {@link #MAX_ATTEMPTS} conflicts the events are answered busy. Anything else
 * propagates, and then a group of several requests is stored again one request at a time, so one request's failure
 * is that request's alone, unless the database is unavailable, which fails them all at once.
 */
final class RetryPolicy {
    static final int MAX_ATTEMPTS = 10;

    private final LongConsumer pause;

    RetryPolicy() {
        this(LockSupport::parkNanos);
    }

    /** @param pause waits the given nanoseconds between attempts */
    RetryPolicy(LongConsumer pause) {
        this.pause = pause;
    }

    /**
     * The work's answer, the work tried again after each conflict, or {@code exhausted}'s after the last.
     * {@code afterFailure} runs after every failed attempt, conflict or not.
     */
    <T> T run(Supplier<T> work, Runnable afterFailure, Supplier<T> exhausted) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                afterFailure.run();
                if (!isConflict(e)) {
                    throw e;
                }
                pause.accept(ThreadLocalRandom.current().nextLong(1_000_000L << Math.min(attempt, 5)));
            }
        }
        return exhausted.get();
    }

    /** Whether a failed group is failed as a whole rather than stored again one request at a time. */
    static boolean failsAsAWhole(int requests, Throwable e) {
        return requests == 1 || TransientFailure.is(e);
    }

    /** A concurrent writer got there first, here or in another instance: trying again will see what it wrote. */
    static boolean isConflict(Throwable e) {
        return Stream.of(ConcurrencyException.class, AggregateStreamCreationException.class,
                        DuplicateKeyException.class, LockAcquisitionFailedException.class,
                        PessimisticLockingFailureException.class)
                .anyMatch(type -> hasCause(e, type));
    }

    /** Whether a throwable of {@code type} is in the cause chain: the command bus may wrap what the store threw. */
    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
