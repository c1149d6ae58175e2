package no.pathway.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"17866644330", "178666-44330", "17.86.66.44330", "080465_42321", "evt:1786:6644:330",
            "e-410101-12360", "x.0.2.8.2.8.4.0.4.8.9.2"})
    void identifiers_hiding_an_identity_number_are_refused_without_echoing_it(String value) {
        assertThat(Identifier.isValid(value)).isFalse();
        assertThat(Identifier.problem(value)).get().asString().contains("national identity number")
                .doesNotContain(value);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"17866644331", "evt-2026-03-02-0001", "917866644330", "uuid:3f2a1b7c-1786-4644-9330-0a1b"})
    void identifiers_with_other_digits_are_accepted(String value) {
        assertThat(Identifier.problem(value)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void identifiers_are_at_most_128_characters() {
        assertThat(Identifier.isValid("a".repeat(128))).isTrue();
        assertThat(Identifier.isValid("a".repeat(129))).isFalse();
        assertThat(Identifier.isValid("")).isFalse();
        assertThat(Identifier.isValid(null)).isFalse();
    }
}
