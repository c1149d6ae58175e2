package no.pathway.api.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as the read-model processor sees it ({@link AxonConfiguration#readModelSource}), with prompt
 * wake-ups. Axon's pooled processor offers each
 * stream a callback for "events available"; the embedded event store's streams refuse it, and the processor then
 * looks for new events only every 500 ms (a constant in Axon's {@code Coordinator}). That wait was nearly all of the
 * projection lag (docs/performance.md). Here every stream accepts the callback and calls it every
 * {@code interval}: the processor then looks at its stream, which costs a glance at the event store's in-memory
 * cache of new events, and finds them within one interval of the store's own fetch. Nothing else changes: the
 * stream, its events and its tokens are the event store's.
 */
public final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PromptEventSource.class);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final long intervalNanos;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-wake-up");
        thread.setDaemon(true);
        return thread;
    });

    public PromptEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the wake-up interval must be positive: " + interval);
        }
        this.store = store;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PromptStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** The store's stream, plus the callback it would not take. */
    private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> events;
        private ScheduledFuture<?> wakeUps;

        PromptStream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public synchronized boolean setOnAvailableCallback(Runnable callback) {
            if (wakeUps != null) {
                wakeUps.cancel(false);
            }
            wakeUps = ticker.scheduleWithFixedDelay(() -> {
                try {
                    callback.run();
                } catch (RuntimeException e) {
                    // a processor shutting down refuses the wake-up and closes this stream next; an exception
                    // escaping here would end the wake-ups for good
                    LOG.debug("Read-model wake-up refused", e);
                }
            }, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public synchronized void close() {
            if (wakeUps != null) {
                wakeUps.cancel(false);
            }
            events.close();
        }
    }
}
