package no.pathway.api.http;

import java.util.IdentityHashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Logs an error by its type and stack frames only. The messages of lower layers quote their input (a header, a
 * parameter, a SQL value), and input can be a national identity number, so no message reaches the log: each
 * throwable in the chain is replaced by one that carries only the original's class name.
 */
public final class QuietErrors {
    private static final int MAX_CAUSES = 16;

    private QuietErrors() {
    }

    public static void error(Logger log, String what, Throwable e) {
        log.error("{} ({})", what, e.getClass().getName(), withoutMessages(e, new IdentityHashMap<>()));
    }

    public static void warn(Logger log, String what, Throwable e) {
        log.warn("{} ({})", what, e.getClass().getName(), withoutMessages(e, new IdentityHashMap<>()));
    }

    private static Throwable withoutMessages(Throwable e, Map<Throwable, Boolean> seen) {
        seen.put(e, true);
        Throwable cause = e.getCause();
        // the cause goes to the constructor: a cause of null given there is final, so initCause would throw, and the
        // error handler with it (an unexpected error with a cause was answered by the container, not logged)
        Quiet quiet = new Quiet(e.getClass().getName(),
                cause != null && !seen.containsKey(cause) && seen.size() < MAX_CAUSES ? withoutMessages(cause, seen)
                        : null);
        quiet.setStackTrace(e.getStackTrace());
        return quiet;
    }

    /** Stands in for a throwable in the log: its class name and its frames, nothing it was told. */
    static final class Quiet extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Quiet(String type, Throwable cause) {
            super(type, cause, false, true);
        }
    }
}
