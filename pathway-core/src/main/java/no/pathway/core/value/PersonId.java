package no.pathway.core.value;

import java.util.Optional;

/**
 * Norwegian national identity number (fødselsnummer) or D-number: 11 digits, a plausible day and month,
 * and both mod-11 check digits valid. Synthetic test numbers (month + 80) are accepted only when asked for.
 *
 * <p>The raw value is deliberately hidden: {@link #toString()} never reveals it, so it cannot leak into a log
 * line or an exception message. The only way out is {@link #digits()}, used to derive the pathway id.
 */
public final class PersonId {
    private final String digits;

    private PersonId(String digits) {
        this.digits = digits;
    }

    /** Why {@code value} is not an acceptable person id, or empty when it is. The reason never echoes the value. */
    public static Optional<String> problem(String value, boolean acceptSynthetic) {
        if (!Mod11.allDigits(value, 11)) {
            return Optional.of("must be 11 digits");
        }
        int day = Integer.parseInt(value.substring(0, 2));
        int month = Integer.parseInt(value.substring(2, 4));
        boolean dNumber = day > 40;
        int realDay = dNumber ? day - 40 : day;
        if (realDay < 1 || realDay > 31) {
            return Optional.of("has an impossible day");
        }
        boolean synthetic = month > 80;
        int realMonth = synthetic ? month - 80 : month;
        if (realMonth < 1 || realMonth > 12) {
            return Optional.of("has an impossible month");
        }
        if (synthetic && !acceptSynthetic) {
            return Optional.of("is a synthetic test number, which this service does not accept");
        }
        if (!IdentityNumbers.checkDigitsValid(value)) {
            return Optional.of("has an invalid check digit");
        }
        return Optional.empty();
    }

    public static PersonId of(String value, boolean acceptSynthetic) {
        problem(value, acceptSynthetic).ifPresent(p -> {
            throw new IllegalArgumentException("personId " + p);
        });
        return new PersonId(value);
    }

    public String digits() {
        return digits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonId other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "PersonId[redacted]";
    }
}
