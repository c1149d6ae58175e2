package no.pathway.api.ui.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import no.pathway.api.http.InvalidRequest;
import no.pathway.api.ui.gaps.GapWording;
import no.pathway.core.value.PlausibleInstant;

/**
 * The auditor's forms take times as a person in Norway reads them: a date and a time of day in Europe/Oslo (the
 * browser's {@code datetime-local} field, "2026-03-03T07:00"); the API and the links between these pages keep them
 * as such too, and the pages turn them into instants here. An hour skipped by the change to summer time moves on
 * by that hour; one repeated in autumn is its first occurrence (java.time's rule).
 */
final class OsloTime {
    static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private OsloTime() {
    }

    /** The field's instant, {@code fallback} when empty; a bad one is a 400 naming the field. */
    static Instant parse(String field, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Instant instant = LocalDateTime.parse(value.length() > 16 ? value.substring(0, 16) : value)
                    .atZone(GapWording.OSLO).toInstant();
            Optional<String> problem = PlausibleInstant.problem(instant);
            if (problem.isPresent()) {
                throw new InvalidRequest(field, problem.get());
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(field, "must be a date and time, e.g. 2026-03-03T07:00");
        }
    }

    /**
     * An instant as the field shows it, to the minute, rounded up: a time the auditor chose is whole minutes already,
     * and "now" becomes the coming minute, so a form sent back unchanged still counts every event recorded by now
     * (rounded down, events of the current minute fell outside {@code knownAt} and the page showed too little).
     */
    static String field(Instant instant) {
        Instant minute = instant.truncatedTo(ChronoUnit.MINUTES);
        return FIELD.format((minute.equals(instant) ? minute : minute.plus(1, ChronoUnit.MINUTES))
                .atZone(GapWording.OSLO));
    }
}
