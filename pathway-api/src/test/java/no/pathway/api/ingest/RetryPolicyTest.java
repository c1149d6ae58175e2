package no.pathway.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

class RetryPolicyTest {
    private final List<Long> pauses = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(pauses::add);
    private final AtomicInteger failures = new AtomicInteger();

    @Test
    void a_conflict_is_tried_again_after_a_short_pause() {
        AtomicInteger attempts = new AtomicInteger();

        String answer = policy.run(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new DuplicateKeyException("event_receipt_pkey");
            }
            return "stored";
        }, failures::incrementAndGet, () -> "busy");

        assertThat(answer).isEqualTo("stored");
        assertThat(failures).hasValue(2);
        assertThat(pauses).hasSize(2).allMatch(nanos -> nanos >= 0 && nanos < 32_000_000L);
    }

    @Test
    void conflicts_that_keep_winning_end_as_busy_after_the_last_attempt() {
        AtomicInteger attempts = new AtomicInteger();

        String answer = policy.run(() -> {
            attempts.incrementAndGet();
            throw new ConcurrencyException("another writer appended first");
        }, failures::incrementAndGet, () -> "busy");

        assertThat(answer).isEqualTo("busy");
        assertThat(attempts).hasValue(RetryPolicy.MAX_ATTEMPTS);
        assertThat(failures).hasValue(RetryPolicy.MAX_ATTEMPTS);
    }

    @Test
    void anything_but_a_conflict_propagates_at_once_after_the_failure_hook() {
        IllegalStateException broken = new IllegalStateException("a bug");

        assertThatThrownBy(() -> policy.run(() -> {
            throw broken;
        }, failures::incrementAndGet, () -> "busy")).isSameAs(broken);

        assertThat(failures).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void a_conflict_wrapped_by_the_command_bus_is_still_a_conflict() {
        assertThat(RetryPolicy.isConflict(new CommandExecutionException("wrapped",
                new ConcurrencyException("sequence taken")))).isTrue();
        assertThat(RetryPolicy.isConflict(new RuntimeException(new IllegalStateException()))).isFalse();
    }

    @Test
    void a_lone_request_or_an_unavailable_database_fails_the_group_at_once() {
        RuntimeException bug = new IllegalStateException("a bug");
        RuntimeException outage = new RuntimeException(new SQLTransientConnectionException("no connection"));

        assertThat(RetryPolicy.failsAsAWhole(1, bug)).isTrue();
        assertThat(RetryPolicy.failsAsAWhole(3, outage)).isTrue();
        assertThat(RetryPolicy.failsAsAWhole(3, bug)).isFalse();
    }
}
