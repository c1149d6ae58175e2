package no.pathway.api.identity;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When a pseudonym secret is too weak to use outside development. The rule catches accidents (a placeholder, one
 * repeated character, a word typed over and over), not a determined bad choice: at least 32 characters, at least 8
 * different characters, none of them in more than a third of the places, and not a shorter sequence repeated. A
 * generated secret ({@code openssl rand -base64 48}) always passes. The answer never quotes the secret.
 */
public final class PseudonymSecret {
    static final int MIN_LENGTH = 32;
    static final int MIN_DISTINCT = 8;

    private PseudonymSecret() {
    }

    public static Optional<String> weakness(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH) {
            return Optional.of("it has fewer than " + MIN_LENGTH + " characters");
        }
        Map<Character, Integer> counts = new HashMap<>();
        for (char c : secret.toCharArray()) {
            counts.merge(c, 1, Integer::sum);
        }
        if (counts.size() < MIN_DISTINCT) {
            return Optional.of("it has fewer than " + MIN_DISTINCT + " different characters");
        }
        if (counts.values().stream().anyMatch(n -> n * 3 > secret.length())) {
            return Optional.of("one character fills more than a third of it");
        }
        if (repeatsAShorterSequence(secret)) {
            return Optional.of("it repeats a shorter sequence");
        }
        return Optional.empty();
    }

    /** Whether some sequence of at most half the length, repeated (the last time perhaps cut short), makes it. */
    private static boolean repeatsAShorterSequence(String s) {
        for (int period = 1; period <= s.length() / 2; period++) {
            int i = period;
            while (i < s.length() && s.charAt(i) == s.charAt(i - period)) {
                i++;
            }
            if (i == s.length()) {
                return true;
            }
        }
        return false;
    }
}
