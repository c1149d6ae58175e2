package no.pathway.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganisationAndMunicipalityNumberTest {

    @ParameterizedTest
    @CsvSource({"974706490", "983974899", "889640782"})
    void organisation_numbers_with_a_valid_check_digit_are_accepted(String value) {
        assertThat(OrganisationNumber.problem(value)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "974706491 | has an invalid check digit",
            "97470649 | must be 9 digits",
            "9747064900 | must be 9 digits",
            "97470649x | must be 9 digits",
    })
    void organisation_numbers_are_rejected_with_a_reason(String value, String reason) {
        assertThat(OrganisationNumber.problem(value)).contains(reason);
    }

    @ParameterizedTest
    @CsvSource({"0301, true", "4204, true", "301, false", "03011, false", "03a1, false"})
    void municipality_numbers_are_four_digits(String value, boolean valid) {
        assertThat(MunicipalityNumber.problem(value).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"a, true", "ahus-dips-20260302-0001, true", "x:y.z_w-1, true", "has space, false", "æøå, false",
            "a/b, false"})
    void identifiers_follow_the_character_rule(String value, boolean valid) {
        assertThat(Identifier.isValid(value)).isEqualTo(valid);
    }

    @org.junit.jupiter.api.Test
    void identifiers_are_at_most_128_characters() {
        assertThat(Identifier.isValid("a".repeat(128))).isTrue();
        assertThat(Identifier.isValid("a".repeat(129))).isFalse();
        assertThat(Identifier.isValid("")).isFalse();
        assertThat(Identifier.isValid(null)).isFalse();
    }
}
