package no.pathway.api.http;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.sql.SQLException;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;

class QuietErrorsTest {

    @Test
    void an_error_with_causes_is_logged_without_throwing_from_the_logger() {
        // before: the stand-in's cause was fixed at null by its constructor, so initCause threw and took the error
        // handler down with it, and the container answered instead
        Exception e = new IllegalStateException("outer 17866644330",
                new RuntimeException("middle", new SQLException("inner")));
        assertThatCode(() -> QuietErrors.error(LoggerFactory.getLogger(QuietErrorsTest.class), "Unexpected error", e))
                .doesNotThrowAnyException();
    }
}
