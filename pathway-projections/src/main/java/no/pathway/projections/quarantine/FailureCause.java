package no.pathway.projections.quarantine;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Whom a failure blames. Only a failure that blames the pathway may set it aside: a database that is down, busy or
 * wrongly deployed would otherwise set aside every pathway it touched while it was so.
 */
public enum FailureCause {
    /** The database is unreachable, overloaded, shutting down or in a conflict: the same work may succeed later. */
    TRANSIENT,
    /** The deployment is at fault (schema, privileges, a JVM error): no pathway is to blame and waiting won't help. */
    ENVIRONMENT,
    /** Something in this pathway's events or rows: a value the database refuses, a constraint, an engine exception. */
    PATHWAY;

    /**
     * SQLSTATE classes and codes that are transient: connection (08), transaction rollback such as serialization
     * failures and deadlocks (40), insufficient resources (53), operator intervention such as admin shutdown or a
     * cancelled statement (57), system errors such as I/O (58), and a lock wait that timed out (55P03).
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("08", "40", "53", "57", "58", "55P03");
    /**
     * SQLSTATE classes of a wrong deployment: feature not supported (0A), transaction state (25), authorization (28),
     * catalog, schema and grammar (2D, 3D, 3F, 42), object state (55), configuration (F0) and internal errors (XX).
     */
    private static final Set<String> ENVIRONMENT_STATES = Set.of("0A", "25", "28", "2D", "3D", "3F", "42", "55",
            "F0", "XX");

    /** The cause of {@code failure}, judged from its whole cause chain: any transient part makes it transient. */
    public static FailureCause of(Throwable failure) {
        FailureCause cause = PATHWAY;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            FailureCause own = own(t);
            // a batch's failure keeps the statement's own error in the next-exception chain, not in the causes
            for (SQLException next = t instanceof SQLException sql ? sql.getNextException() : null; next != null
                    && own != TRANSIENT; next = next.getNextException() == next ? null : next.getNextException()) {
                FailureCause nextOwn = own(next);
                own = nextOwn == TRANSIENT || own == PATHWAY ? nextOwn : own;
            }
            if (own == TRANSIENT) {
                return TRANSIENT;
            }
            if (own == ENVIRONMENT) {
                cause = ENVIRONMENT;
            }
        }
        return cause;
    }

    /** The SQLSTATE of the first SQL exception in the cause chain, if any. */
    public static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static FailureCause own(Throwable t) {
        if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                || t instanceof DataAccessResourceFailureException
                || t instanceof NonTransientDataAccessResourceException
                || t instanceof CannotCreateTransactionException || t instanceof TransactionTimedOutException
                || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof SQLNonTransientConnectionException || t instanceof TransactionSystemException) {
            // a commit or rollback that could not complete: the connection or the database failed under the
            // transaction (a rollback on a connection the database closed says only "Connection is closed", with no
            // SQLSTATE), never the pathway; the original failure it masks is retried with the work
            return TRANSIENT;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() == 5) {
            return ofState(sql.getSQLState());
        }
        if (t instanceof Error || t instanceof BadSqlGrammarException
                || t instanceof PermissionDeniedDataAccessException) {
            return ENVIRONMENT;
        }
        return PATHWAY;
    }

    private static FailureCause ofState(String state) {
        String type = state.substring(0, 2);
        if (TRANSIENT_STATES.contains(type) || TRANSIENT_STATES.contains(state)) {
            return TRANSIENT;
        }
        return ENVIRONMENT_STATES.contains(type) ? ENVIRONMENT : PATHWAY;
    }
}
