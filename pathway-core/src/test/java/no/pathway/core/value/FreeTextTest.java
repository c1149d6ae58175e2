package no.pathway.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreeTextTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not ours", "called the municipality; housing meeting on Friday 12.03.2026 14:00",
            "line one\nline two", "tlf 22 33 44 55", "99999999999", "rom 12, seng 4"})
    void ordinary_text_is_accepted(String text) {
        assertThat(FreeText.problem(text, 500)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"patient 17866644330", "patient 178666-44330", "17.86.66 44330", "1786 6644 330",
            "080465_42321", "\uFF11\uFF17\uFF18\uFF16\uFF16\uFF16\uFF14\uFF14\uFF13\uFF13\uFF10",
            "\u0661\u0667\u0668\u0666\u0666\u0666\u0664\u0664\u0663\u0663\u0660", "typo 17866644331"})
    void text_with_an_identity_number_is_refused_without_echoing_it(String text) {
        assertThat(FreeText.problem(text, 500)).get().asString()
                .contains("national identity number").doesNotContain("1786").doesNotContain("0804");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bell\u0007", "nul\u0000", "next line\u0085", "escape\u001B[31m"})
    void control_characters_are_refused(String text) {
        assertThat(FreeText.problem(text, 500)).contains("must not contain control characters");
    }

    @org.junit.jupiter.api.Test
    void text_is_bounded() {
        assertThat(FreeText.problem("x".repeat(501), 500)).contains("must be at most 500 characters");
    }
}
