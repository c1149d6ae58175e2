package no.pathway.core.value;

/** The modulus-11 check digit used by national identity numbers and organisation numbers. */
final class Mod11 {
    private Mod11() {
    }

    /** The check digit for {@code digits} under {@code weights}, or -1 when no valid digit exists (remainder 1). */
    static int checkDigit(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int digit = 11 - sum % 11;
        if (digit == 11) {
            return 0;
        }
        return digit == 10 ? -1 : digit;
    }

    static boolean allDigits(String value, int length) {
        if (value == null || value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
