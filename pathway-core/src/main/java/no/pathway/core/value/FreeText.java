package no.pathway.core.value;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for free text (a rejection reason, a purpose, an acknowledgement note): bounded, no control
 * characters, and no run of 11 digits, because a national identity number has no place in text.
 */
public final class FreeText {
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)\\d{6}[ .]?\\d{5}(?!\\d)");

    private FreeText() {
    }

    public static Optional<String> problem(String value, int maxLength) {
        if (value.length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            return Optional.of("must not contain control characters");
        }
        if (ELEVEN_DIGITS.matcher(value).find()) {
            return Optional.of("must not contain an 11-digit number (no national identity numbers in text)");
        }
        return Optional.empty();
    }

    /** True when {@code value} holds an 11-digit run that passes the identity number checks. */
    public static boolean containsPersonId(String value) {
        var m = ELEVEN_DIGITS.matcher(value);
        while (m.find()) {
            if (PersonId.problem(m.group().replaceAll("[ .]", ""), true).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
