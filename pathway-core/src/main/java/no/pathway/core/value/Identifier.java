package no.pathway.core.value;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for event ids, episode/handover/appointment ids and client names: the character rule, and no national
 * identity number hidden in it, however it is split ({@code 080465_42321}, {@code 17.86.66.44330}).
 */
public final class Identifier {
    public static final int MAX_LENGTH = 128;
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    private Identifier() {
    }

    /** Why {@code value} is not an acceptable identifier, or empty when it is. The reason never echoes the value. */
    public static Optional<String> problem(String value) {
        if (value == null || !RULE.matcher(value).matches()) {
            return Optional.of("must be 1-" + MAX_LENGTH + " characters of A-Z a-z 0-9 . _ : -");
        }
        if (IdentityNumbers.foundIn(value, IdentityNumbers.Rule.VALID)) {
            return Optional.of("must not contain a national identity number");
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }
}
