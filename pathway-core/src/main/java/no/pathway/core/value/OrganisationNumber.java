package no.pathway.core.value;

import java.util.Optional;

/** Norwegian organisation number (organisasjonsnummer): 9 digits, the last a mod-11 check digit. */
public final class OrganisationNumber {
    private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    private OrganisationNumber() {
    }

    public static Optional<String> problem(String value) {
        if (!Mod11.allDigits(value, 9)) {
            return Optional.of("must be 9 digits");
        }
        if (Mod11.checkDigit(value, WEIGHTS) != value.charAt(8) - '0') {
            return Optional.of("has an invalid check digit");
        }
        return Optional.empty();
    }
}
