package no.pathway.core.value;

import java.util.Optional;

/**
 * The rule for free text (a rejection reason, a purpose, an acknowledgement note): bounded, no control
 * characters, and nothing that is or could be a national identity number ({@link IdentityNumbers.Rule#PLAUSIBLE}):
 * such a number has no place in text, and a mistyped one still points at a person.
 */
public final class FreeText {

    private FreeText() {
    }

    public static Optional<String> problem(String value, int maxLength) {
        if (value.length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            return Optional.of("must not contain control characters");
        }
        if (IdentityNumbers.foundIn(value, IdentityNumbers.Rule.PLAUSIBLE)) {
            return Optional.of("must not contain a national identity number or 11 digits that could be one");
        }
        return Optional.empty();
    }
}
