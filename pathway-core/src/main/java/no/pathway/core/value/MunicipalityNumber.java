package no.pathway.core.value;

import java.util.Optional;

/** Norwegian municipality number (kommunenummer): 4 digits, e.g. 0301 Oslo. */
public final class MunicipalityNumber {
    private MunicipalityNumber() {
    }

    public static Optional<String> problem(String value) {
        return Mod11.allDigits(value, 4) ? Optional.empty() : Optional.of("must be 4 digits");
    }
}
