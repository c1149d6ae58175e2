package no.pathway.projections.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.DateTimeException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

class FailureCauseTest {

    @ParameterizedTest(name = "SQLSTATE {0} blames {1}")
    @CsvSource({
            "08006, TRANSIENT",    // connection failure
            "08001, TRANSIENT",    // cannot connect
            "40001, TRANSIENT",    // serialization failure
            "40P01, TRANSIENT",    // deadlock
            "53300, TRANSIENT",    // too many connections
            "53100, TRANSIENT",    // disk full
            "57P01, TRANSIENT",    // admin shutdown (pg_terminate_backend)
            "57014, TRANSIENT",    // statement timeout
            "58030, TRANSIENT",    // I/O error
            "55P03, TRANSIENT",    // lock timeout
            "42P01, ENVIRONMENT",  // a table is missing
            "42501, ENVIRONMENT",  // the role lacks a privilege
            "25P02, ENVIRONMENT",  // transaction already aborted
            "28P01, ENVIRONMENT",  // authentication
            "55000, ENVIRONMENT",  // database not accepting connections, object not in state
            "XX000, ENVIRONMENT",  // internal error
            "22008, PATHWAY",      // timestamp out of range
            "22001, PATHWAY",      // value too long
            "23505, PATHWAY",      // unique violation
            "23502, PATHWAY",      // not null violation
            "P0001, PATHWAY",      // raised by a trigger
            "54000, PATHWAY",      // a row over a program limit
            "21000, PATHWAY"       // one upsert touching a row twice
    })
    void an_sql_state_blames_by_its_class(String state, FailureCause expected) {
        SQLException sql = new SQLException("quoted data 12345678901", state);

        assertThat(FailureCause.of(sql)).isEqualTo(expected);
        assertThat(FailureCause.of(new UncategorizedSQLException("task", "sql", sql))).isEqualTo(expected);
        assertThat(FailureCause.of(new RuntimeException(new IllegalStateException(sql)))).isEqualTo(expected);
    }

    static Stream<Arguments> exceptions() {
        return Stream.of(
                Arguments.of(new CannotGetJdbcConnectionException("pool empty"), FailureCause.TRANSIENT),
                Arguments.of(new CannotCreateTransactionException("no connection"), FailureCause.TRANSIENT),
                Arguments.of(new QueryTimeoutException("too slow"), FailureCause.TRANSIENT),
                Arguments.of(new CannotAcquireLockException("locked"), FailureCause.TRANSIENT),
                Arguments.of(new SQLTransientConnectionException("Hikari timed out"), FailureCause.TRANSIENT),
                Arguments.of(new BadSqlGrammarException("task", "sql", new SQLException("x")), FailureCause.ENVIRONMENT),
                Arguments.of(new OutOfMemoryError(), FailureCause.ENVIRONMENT),
                Arguments.of(new DataIntegrityViolationException("constraint"), FailureCause.PATHWAY),
                Arguments.of(new DateTimeException("out of range"), FailureCause.PATHWAY),
                Arguments.of(new NullPointerException(), FailureCause.PATHWAY),
                Arguments.of(new IllegalStateException("engine"), FailureCause.PATHWAY));
    }

    @ParameterizedTest(name = "{0} blames {1}")
    @MethodSource("exceptions")
    void an_exception_blames_by_its_type(Throwable failure, FailureCause expected) {
        assertThat(FailureCause.of(failure)).isEqualTo(expected);
    }

    @Test
    void a_batch_whose_statement_lost_its_connection_is_transient() {
        // what the JDBC driver throws for a batch: the statement's own error only in the next-exception chain
        java.sql.BatchUpdateException batch = new java.sql.BatchUpdateException("Batch entry 0 was aborted", null, 0,
                new int[0], null);
        batch.setNextException(new SQLException("terminating connection due to administrator command", "57P01"));
        assertThat(FailureCause.of(new RuntimeException(batch))).isEqualTo(FailureCause.TRANSIENT);
    }

    @Test
    void a_rollback_on_a_connection_the_database_closed_is_transient() {
        // what Spring throws when the work failed during an outage and the rollback then met a closed connection
        // (DatabaseOutageIT: a pathway's history answered 500 instead of 503)
        org.springframework.transaction.TransactionSystemException rollback =
                new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                        new SQLException("Connection is closed"));
        rollback.initApplicationException(new IllegalStateException("the work's own failure"));

        assertThat(FailureCause.of(new RuntimeException(rollback))).isEqualTo(FailureCause.TRANSIENT);
    }

    @Test
    void a_transient_part_anywhere_in_the_chain_makes_the_failure_transient() {
        Throwable wrapped = new DataIntegrityViolationException("looks like data",
                new SQLException("but the connection broke", "08006"));

        assertThat(FailureCause.of(wrapped)).isEqualTo(FailureCause.TRANSIENT);
    }

    @Test
    void the_sql_state_is_found_anywhere_in_the_chain() {
        assertThat(FailureCause.sqlState(new RuntimeException(new SQLException("m", "22008")))).isEqualTo("22008");
        assertThat(FailureCause.sqlState(new IllegalStateException())).isNull();
    }
}
