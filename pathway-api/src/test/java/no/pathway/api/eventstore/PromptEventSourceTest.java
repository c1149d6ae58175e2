package no.pathway.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PromptEventSourceTest {
    private final AtomicBoolean storeStreamClosed = new AtomicBoolean();
    /** A store whose streams, like the embedded event store's, take no availability callback. */
    private final StreamableMessageSource<TrackedEventMessage<?>> store = token -> new BlockingStream<>() {
        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return false;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            throw new IllegalStateException("empty");
        }

        @Override
        public void close() {
            storeStreamClosed.set(true);
        }
    };
    private final PromptEventSource source = new PromptEventSource(store, Duration.ofMillis(5));

    @AfterEach
    void close() {
        source.close();
    }

    @Test
    void a_stream_takes_the_callback_the_store_refuses_and_calls_it_again_and_again() {
        assertThat(store.openStream(null).setOnAvailableCallback(() -> { })).isFalse();
        AtomicInteger calls = new AtomicInteger();

        assertThat(source.openStream(null).setOnAvailableCallback(calls::incrementAndGet)).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() >= 5);
    }

    @Test
    void a_failing_callback_does_not_end_the_wake_ups() {
        AtomicInteger calls = new AtomicInteger();
        source.openStream(null).setOnAvailableCallback(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("processor stopping");
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() >= 3);
    }

    @Test
    void closing_the_stream_ends_its_wake_ups_and_closes_the_store_stream() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        stream.setOnAvailableCallback(calls::incrementAndGet);
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() >= 1);

        stream.close();
        int afterClose = calls.get();
        Thread.sleep(50);

        assertThat(calls.get()).isLessThanOrEqualTo(afterClose + 1);
        assertThat(storeStreamClosed).isTrue();
    }
}
