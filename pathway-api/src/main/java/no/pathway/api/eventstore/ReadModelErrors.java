package no.pathway.api.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.stereotype.Component;

/**
 * The read-model processor's error handler: remembers the last failure and counts failures
 * ({@code pathway.read_models.failures}), then propagates, so the processor rolls the batch back and retries the
 * same events with back-off. Nothing is skipped.
 */
@Component
public class ReadModelErrors implements ErrorHandler {
    /** The last failure: when, and of which type (never its message, which may quote data). */
    public record Failure(Instant at, String type) {
    }

    private final Counter failures;
    private final Clock clock;
    private volatile Failure last;

    ReadModelErrors(MeterRegistry registry, Clock clock) {
        this.failures = Counter.builder("pathway.read_models.failures")
                .description("Failed read-model batches (each is retried)").register(registry);
        this.clock = clock;
    }

    @Override
    public void handleError(ErrorContext context) throws Exception {
        last = new Failure(clock.instant(), context.error().getClass().getSimpleName());
        failures.increment();
        PropagatingErrorHandler.instance().handleError(context);
    }

    public Failure last() {
        return last;
    }

    /** Called once the read models have caught up: an earlier failure is over. */
    public void clear() {
        last = null;
    }
}
