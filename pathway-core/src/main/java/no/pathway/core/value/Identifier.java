package no.pathway.core.value;

import java.util.regex.Pattern;

/** The character rule shared by event ids, episode/handover/appointment ids and source names. */
public final class Identifier {
    public static final int MAX_LENGTH = 128;
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    private Identifier() {
    }

    public static boolean isValid(String value) {
        return value != null && RULE.matcher(value).matches();
    }

    public static String require(String value, String what) {
        if (!isValid(value)) {
            throw new IllegalArgumentException(what + " must be 1-128 characters of A-Z a-z 0-9 . _ : -");
        }
        return value;
    }
}
