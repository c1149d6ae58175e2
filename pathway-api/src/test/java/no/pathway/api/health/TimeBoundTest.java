package no.pathway.api.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimeBoundTest {
    private static final Duration BOUND = Duration.ofMillis(200);

    @Test
    void a_check_that_answers_in_time_is_answered() {
        try (TimeBound<String> bound = new TimeBound<>("test", () -> "UP", BOUND)) {
            assertThat(bound.get()).isEqualTo("UP");
        }
    }

    @Test
    void a_check_that_hangs_is_given_up_on_at_the_bound_and_callers_share_the_one_in_flight() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        try (TimeBound<String> bound = new TimeBound<>("test", () -> {
            calls.incrementAndGet();
            await(release);
            return "late";
        }, BOUND)) {
            long start = System.nanoTime();
            assertThatThrownBy(bound::get).isInstanceOf(TimeBound.Exceeded.class);
            assertThatThrownBy(bound::get).isInstanceOf(TimeBound.Exceeded.class);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isLessThan(BOUND.multipliedBy(2).plusMillis(300));
            assertThat(calls).as("one check in flight, however many callers").hasValue(1);
            release.countDown();
        }
    }

    @Test
    void a_check_that_fails_fails_its_callers_with_its_own_exception() {
        try (TimeBound<String> bound = new TimeBound<>("test", () -> {
            throw new IllegalStateException("down");
        }, BOUND)) {
            assertThatThrownBy(bound::get).isInstanceOf(IllegalStateException.class).hasMessage("down");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
