package no.pathway.api.eventstore;

import no.pathway.projections.quarantine.FailureCause;
import org.axonframework.common.AxonTransientException;

/**
 * Whether trying the same work again may succeed: {@link FailureCause#TRANSIENT}, or an Axon exception that says so
 * anywhere in the cause chain (a concurrent append to the same pathway, a token another instance holds). Here, not in
 * {@link FailureCause}, because the read models that use {@code FailureCause} know nothing of Axon.
 */
public final class TransientFailure {
    private TransientFailure() {
    }

    public static boolean is(Throwable failure) {
        if (FailureCause.of(failure) == FailureCause.TRANSIENT) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AxonTransientException) {
                return true;
            }
        }
        return false;
    }
}
