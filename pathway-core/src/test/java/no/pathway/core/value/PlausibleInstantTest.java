package no.pathway.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlausibleInstantTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final Duration SKEW = Duration.ofMinutes(5);

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-5000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "1899-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "2200-01-01T00:00:01Z", "1900-01-01T00:59:59+01:00",
            "0000-01-01T00:00:00Z"})
    void instants_outside_the_window_are_refused_without_echoing_them(String text) {
        Instant value = instant(text);
        assertThat(PlausibleInstant.problem(value)).get().asString().contains("must lie from 1900-01-01T00:00:00Z")
                .doesNotContain(text);
        assertThat(PlausibleInstant.occurrenceProblem(value, NOW, SKEW)).isPresent();
        assertThat(PlausibleInstant.scheduleProblem(value, NOW)).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1900-01-01T00:00:00Z", "1966-06-17T12:00:00+01:00", "2026-03-02T08:05:00Z"})
    void instants_a_source_can_mean_are_accepted(String text) {
        Instant value = instant(text);
        assertThat(PlausibleInstant.problem(value)).isEmpty();
        assertThat(PlausibleInstant.occurrenceProblem(value, NOW, SKEW)).isEmpty();
        assertThat(PlausibleInstant.scheduleProblem(value, NOW)).isEmpty();
    }

    @Test
    void the_window_includes_its_start_and_excludes_its_end() {
        assertThat(PlausibleInstant.problem(PlausibleInstant.EARLIEST)).isEmpty();
        assertThat(PlausibleInstant.problem(PlausibleInstant.END.minusNanos(1))).isEmpty();
        assertThat(PlausibleInstant.problem(PlausibleInstant.END)).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-03-02T08:05:00.000001Z", "2027-01-01T00:00:00Z", "2199-12-31T23:59:59Z"})
    void an_occurrence_lies_at_most_the_clock_skew_ahead(String text) {
        assertThat(PlausibleInstant.occurrenceProblem(instant(text), NOW, SKEW))
                .contains("lies more than 5 minutes in the future");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2036-03-02T08:00:00.000001Z", "2100-01-01T00:00:00Z"})
    void an_appointment_lies_at_most_ten_years_ahead(String text) {
        assertThat(PlausibleInstant.scheduleProblem(instant(text), NOW)).get().asString().contains("10 years");
        assertThat(PlausibleInstant.scheduleProblem(instant("2036-03-02T08:00:00Z"), NOW)).isEmpty();
    }
}
