package no.pathway.core.value;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The one detector of Norwegian national identity numbers (fødselsnummer, D-number: day + 40, H-number: month + 40,
 * synthetic test number: month + 80) in text and ids, however they are written (docs/security.md).
 *
 * <p>A number is read in any script's decimal digits (ASCII, fullwidth, Arabic-Indic, …; also superscript and
 * circled digits) and split into groups by anything that is not a letter or a digit: spaces of every kind, dots,
 * dashes, underscores, slashes, colons, invisible format characters. A letter ends the number. Eleven digits
 * made of whole consecutive groups are a candidate; a group is never cut, so the digits of a longer number
 * ({@code 917866644330}) or a date with a time ({@code 12.03.2026 14:00}) are not read as one.
 */
public final class IdentityNumbers {
    static final int[] WEIGHTS_1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    static final int[] WEIGHTS_2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    private static final int LENGTH = 11;
    private static final String REDACTED = "[redacted]";

    /** What counts as found. */
    public enum Rule {
        /** A number that passes every check: a possible day and month, both mod-11 check digits. For ids. */
        VALID,
        /**
         * Also 11 digits written the way identity numbers are written (one run, or six and five) with a possible day
         * and month, whatever the check digits: a mistyped number still points at a person. For free text.
         */
        PLAUSIBLE
    }

    private IdentityNumbers() {
    }

    /** True when {@code text} holds an identity number under {@code rule}. */
    public static boolean foundIn(CharSequence text, Rule rule) {
        return !find(text, rule, true).isEmpty();
    }

    /** {@code text} with every identity number (under {@link Rule#PLAUSIBLE}) replaced by {@code [redacted]}. */
    public static String redact(String text) {
        List<int[]> spans = find(text, Rule.PLAUSIBLE, false);
        if (spans.isEmpty()) {
            return text;
        }
        // spans come in order (each has exactly 11 digits); one overlapping the span before extends it
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (int[] span : spans) {
            if (span[0] >= at) {
                out.append(text, at, span[0]).append(REDACTED);
            }
            at = Math.max(at, span[1]);
        }
        return out.append(text, at, text.length()).toString();
    }

    /** 11 ASCII digits that pass every check of an identity number, D-, H- or synthetic number. */
    public static boolean isValid(String digits) {
        return plausibleDate(digits) && checkDigitsValid(digits);
    }

    static boolean checkDigitsValid(String digits) {
        return Mod11.checkDigit(digits, WEIGHTS_1) == digits.charAt(9) - '0'
                && Mod11.checkDigit(digits, WEIGHTS_2) == digits.charAt(10) - '0';
    }

    /** Day 1-31 (D-number: + 40); month 1-12 (H-number: + 40, synthetic: + 80). */
    private static boolean plausibleDate(String digits) {
        int day = (digits.charAt(0) - '0') * 10 + digits.charAt(1) - '0';
        int month = (digits.charAt(2) - '0') * 10 + digits.charAt(3) - '0';
        int realDay = day > 40 ? day - 40 : day;
        int realMonth = month > 80 ? month - 80 : month > 40 ? month - 40 : month;
        return realDay >= 1 && realDay <= 31 && realMonth >= 1 && realMonth <= 12;
    }

    /** A run of digits in the text: where it starts and ends (char indices) and its digits in ASCII. */
    private record Group(int start, int end, String digits) {
    }

    /** The spans (start, end) of the numbers found, in order; only the first when {@code first}. */
    private static List<int[]> find(CharSequence text, Rule rule, boolean first) {
        List<int[]> found = new ArrayList<>();
        // the groups of the current chain that an 11-digit window ending at the next group can reach
        Deque<Group> chain = new ArrayDeque<>();
        StringBuilder digits = new StringBuilder();
        int start = -1;
        int i = 0;
        while (i < text.length() && !(first && !found.isEmpty())) {
            int cp = Character.codePointAt(text, i);
            int digit = digit(cp);
            if (digit >= 0) {
                if (start < 0) {
                    start = i;
                    digits.setLength(0);
                }
                digits.append((char) ('0' + digit));
            } else {
                if (start >= 0) {
                    close(chain, new Group(start, i, digits.toString()), rule, found);
                    start = -1;
                }
                if (Character.isLetter(cp)) {
                    chain.clear();
                }
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            close(chain, new Group(start, text.length(), digits.toString()), rule, found);
        }
        return found;
    }

    /** Adds {@code group} to the chain and records every number that ends with it. */
    private static void close(Deque<Group> chain, Group group, Rule rule, List<int[]> found) {
        chain.addLast(group);
        while (chain.size() > LENGTH) {
            chain.removeFirst();
        }
        StringBuilder window = new StringBuilder();
        int groups = 0;
        var backwards = chain.descendingIterator();
        while (backwards.hasNext() && window.length() < LENGTH) {
            Group g = backwards.next();
            window.insert(0, g.digits());
            groups++;
            if (window.length() == LENGTH && matches(window.toString(), groups, g, rule)) {
                found.add(new int[]{g.start(), group.end()});
            }
        }
    }

    private static boolean matches(String candidate, int groups, Group firstGroup, Rule rule) {
        if (isValid(candidate)) {
            return true;
        }
        boolean writtenAsOne = groups == 1 || groups == 2 && firstGroup.digits().length() == 6;
        return rule == Rule.PLAUSIBLE && writtenAsOne && plausibleDate(candidate);
    }

    /** The value of a decimal digit in any script (also superscript, circled and similar digits), or -1. */
    private static int digit(int cp) {
        int digit = Character.digit(cp, 10);
        if (digit >= 0) {
            return digit;
        }
        if (Character.getType(cp) == Character.OTHER_NUMBER) {
            int value = Character.getNumericValue(cp);
            return value >= 0 && value <= 9 ? value : -1;
        }
        return -1;
    }
}
