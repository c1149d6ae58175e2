package no.pathway.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import no.pathway.core.value.IdentityNumbers.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityNumbersTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "17866644330", "178666-44330", "17.86.66 44330", "1786 6644 330", "080465_42321", "17.86.66.44330",
            "178666\u00A044330", "178666\u202F44330", "178666\u2009\u200944330", "178666\u300044330",
            "178666\u200B44330", "178666\u00AD44330", "178666\u201344330", "178666/44330", "1786:6644:330",
            "1 7 8 6 6 6 4 4 3 3 0", "178666 - 44330", "(178666) 44330",
            "\uFF11\uFF17\uFF18\uFF16\uFF16\uFF16\uFF14\uFF14\uFF13\uFF13\uFF10",
            "\u0661\u0667\u0668\u0666\u0666\u0666\u0664\u0664\u0663\u0663\u0660",
            "\u06F1\u06F7\u06F8\u06F6\u06F6\u06F6\u06F4\u06F4\u06F3\u06F3\u06F0",
            "\u0967\u096D\u096E\u096C\u096C\u096C\u096A\u096A\u0969\u0969\u0966",
            "17\uFF18\uFF16\uFF166-\u0664\u0664\u0663\u06630",
            "\u00B9\u2077\u2078\u2076\u2076\u2076\u2074\u2074\u00B3\u00B3\u2070",
            "\uD835\uDFCF\uD835\uDFD5\uD835\uDFD6\uD835\uDFD4\uD835\uDFD4\uD835\uDFD4\uD835\uDFD2\uD835\uDFD2"
                    + "\uD835\uDFD1\uD835\uDFD1\uD835\uDFCE",
            "case 17866644330 \u0085", "patient 178666-44330 called", "fnr:17866644330", "id=080465_42321;",
            "ref 12 178666 44330", "evt-178666-44330", "e17866644330",
            "41010112360", "410101 12360", "02828404892", "15418000055", "15058000032", "24099200185",
    })
    void a_valid_number_is_found_however_it_is_written(String text) {
        assertThat(IdentityNumbers.foundIn(text, Rule.VALID)).isTrue();
        assertThat(IdentityNumbers.foundIn(text, Rule.PLAUSIBLE)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "", "0301", "17866644331", "917866644330", "178666444330", "178666a44330", "1786664433O",
            "12.03.2026 14:00", "2026-03-02T08:00:00.123456Z", "02.03.2026 kl. 08:00", "tlf 22 33 44 55",
            "+47 912 34 567", "evt-2026-03-02-0001", "ahus-dips-20260302-0001", "99999999999",
    })
    void other_digits_are_not_a_valid_number(String text) {
        assertThat(IdentityNumbers.foundIn(text, Rule.VALID)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"17866644331", "178666 44331", "178666-44331", "\uFF11\uFF17\uFF18\uFF16\uFF16\uFF16"
            + "\uFF14\uFF14\uFF13\uFF13\uFF11", "01010112345", "call 410101 99999 now"})
    void in_text_a_mistyped_number_written_as_one_or_six_and_five_is_found_too(String text) {
        assertThat(IdentityNumbers.foundIn(text, Rule.VALID)).isFalse();
        assertThat(IdentityNumbers.foundIn(text, Rule.PLAUSIBLE)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"99999999999", "01130112345", "32010112345", "1786 6644 331", "12.1.2026 14:00",
            "12.03.2026 14:00", "2026-03-02T08:00:00Z"})
    void digits_that_cannot_be_a_birth_date_or_are_grouped_otherwise_are_not_plausible(String text) {
        assertThat(IdentityNumbers.foundIn(text, Rule.PLAUSIBLE)).isFalse();
    }

    @Test
    void long_runs_and_long_chains_are_read_in_one_pass() {
        assertThat(IdentityNumbers.foundIn("9".repeat(100_000), Rule.PLAUSIBLE)).isFalse();
        assertThat(IdentityNumbers.foundIn("1 ".repeat(50_000), Rule.PLAUSIBLE)).isFalse();
        assertThat(IdentityNumbers.foundIn("1 ".repeat(50_000) + "x 1 7 8 6 6 6 4 4 3 3 0", Rule.VALID)).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "case 17866644330 x | case [redacted] x",
            "a 178666-44330 b 080465_42321 c | a [redacted] b [redacted] c",
            "header \"X-Purpose\" has value \"1786 6644 330\" | header \"X-Purpose\" has value \"[redacted]\"",
            "17866644331 | [redacted]",
            "ref 12 178666 44330 | ref 12 [redacted]",
            "at 2026-03-02T08:00:00Z took 12 ms | at 2026-03-02T08:00:00Z took 12 ms",
    })
    void redact_replaces_each_number_and_keeps_the_rest(String text, String redacted) {
        assertThat(IdentityNumbers.redact(text)).isEqualTo(redacted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"17866644330", "02828404892", "41010112360", "15418000055"})
    void is_valid_takes_birth_d_h_and_synthetic_numbers(String digits) {
        assertThat(IdentityNumbers.isValid(digits)).isTrue();
    }
}
