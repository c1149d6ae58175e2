package no.pathway.api.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A check that answers within a bound however long the database takes: it runs on a thread of its own, callers share
 * the one call in flight (so a database that hangs ties up one thread, not one per caller), and each caller waits at
 * most {@code bound}. Used where an operator or a load balancer needs an answer now (health, the read models' status).
 */
public final class TimeBound<T> implements AutoCloseable {
    /** The check did not answer within its bound. */
    public static final class Exceeded extends RuntimeException {
        private Exceeded(Duration bound) {
            super("no answer within " + bound.toMillis() + " ms");
        }
    }

    private final Supplier<T> check;
    private final Duration bound;
    private final ExecutorService thread;
    private CompletableFuture<T> inFlight;

    public TimeBound(String name, Supplier<T> check, Duration bound) {
        this.check = check;
        this.bound = bound;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The check's answer, or {@link Exceeded} when it takes longer than the bound (it goes on in the background, and
     * callers meanwhile wait for it rather than start another); a failure of the check is rethrown as it was.
     */
    public T get() {
        CompletableFuture<T> call;
        synchronized (this) {
            if (inFlight == null || inFlight.isDone()) {
                inFlight = CompletableFuture.supplyAsync(check, thread);
            }
            call = inFlight;
        }
        try {
            return call.get(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new Exceeded(bound);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Exceeded(bound);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
