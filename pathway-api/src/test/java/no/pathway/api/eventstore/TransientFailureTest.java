package no.pathway.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class TransientFailureTest {

    @Test
    void an_axon_exception_that_says_try_again_is_transient_wherever_it_is_in_the_chain() {
        assertThat(TransientFailure.is(new UnableToClaimTokenException("claim lost"))).isTrue();
        assertThat(TransientFailure.is(new IllegalStateException(new ConcurrencyException("appended meanwhile"))))
                .isTrue();
    }

    @Test
    void a_transient_database_failure_is_transient_without_axon() {
        assertThat(TransientFailure.is(new RuntimeException(new SQLException("connection broke", "08006")))).isTrue();
    }

    @Test
    void a_failure_of_the_data_is_not_transient() {
        assertThat(TransientFailure.is(new DataIntegrityViolationException("constraint"))).isFalse();
        assertThat(TransientFailure.is(new IllegalArgumentException("engine"))).isFalse();
    }
}
