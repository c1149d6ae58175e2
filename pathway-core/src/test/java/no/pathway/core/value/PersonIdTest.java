package no.pathway.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonIdTest {

    @ParameterizedTest(name = "{0} is accepted ({1})")
    @CsvSource({
            "02828404892, synthetic test number from events.md",
            "19848418377, synthetic test number from a scenario",
            "01010112377, ordinary birth number with valid check digits",
            "41010112360, D-number (day + 40)",
            "45929910048, synthetic D-number",
    })
    void valid_numbers_are_accepted(String value, String why) {
        assertThat(PersonId.problem(value, true)).as(why).isEmpty();
    }

    @ParameterizedTest(name = "{0} is rejected: {1}")
    @CsvSource(delimiter = '|', value = {
            "02828404893 | has an invalid check digit",
            "02828404882 | has an invalid check digit",
            "0282840489  | must be 11 digits",
            "028284048921 | must be 11 digits",
            "0282840489a | must be 11 digits",
            "'' | must be 11 digits",
            "00828404892 | has an impossible day",
            "32010112345 | has an impossible day",
            "72010112345 | has an impossible day",
            "01130112345 | has an impossible month",
            "01930112345 | has an impossible month",
            "01000112345 | has an impossible month",
    })
    void invalid_numbers_are_rejected_with_a_reason(String value, String reason) {
        assertThat(PersonId.problem(value, true)).contains(reason);
    }

    @ParameterizedTest
    @CsvSource({"02828404892", "19848418377"})
    void synthetic_numbers_are_refused_when_the_service_does_not_accept_them(String value) {
        assertThat(PersonId.problem(value, false)).get().asString().contains("synthetic");
    }

    @ParameterizedTest
    @CsvSource({"02828404893", "12345"})
    void the_reason_and_the_exception_never_echo_the_number(String value) {
        assertThat(PersonId.problem(value, true)).get().asString().doesNotContain(value);
        assertThatThrownBy(() -> PersonId.of(value, true)).message().doesNotContain(value);
    }

    @ParameterizedTest
    @CsvSource({"02828404892"})
    void to_string_is_redacted(String value) {
        assertThat(PersonId.of(value, true).toString()).doesNotContain(value).contains("redacted");
    }
}
