package no.pathway.api.ui.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import no.pathway.api.ui.gaps.GapWording;
import no.pathway.api.ui.layout.TypedTimes;
import no.pathway.core.value.PlausibleInstant;

/**
 * A time field of the auditor's forms: a date and a time of day in Europe/Oslo as a person types it in the page's
 * language ({@link TypedTimes}: "03.03.2026 07:00", "03/03/2026 07:00", or ISO "2026-03-03T07:00"); the links between
 * these pages keep the ISO form. An hour skipped by the change to summer time moves on by that hour; one repeated in
 * autumn is its first occurrence (java.time's rule). What is not a time, or not one the service can judge, is
 * reported on its field by a message key and never shown again.
 *
 * @param instant the time, the fallback when the field was empty, null when it was not a time
 * @param error   the message key of what is wrong, or null
 */
record OsloTime(Instant instant, String error) {
    static final String INVALID = "audit.time.invalid";
    static final String OUT_OF_RANGE = "audit.time.outOfRange";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm", Locale.ROOT);

    /** The field's time, {@code fallback} when it is empty. */
    static OsloTime parse(String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return of(fallback);
        }
        Optional<LocalDateTime> typed = TypedTimes.dateTime(value);
        if (typed.isEmpty()) {
            return new OsloTime(null, INVALID);
        }
        Instant instant = typed.get().atZone(GapWording.OSLO).toInstant();
        return PlausibleInstant.problem(instant).isPresent() ? new OsloTime(null, OUT_OF_RANGE)
                : new OsloTime(instant, null);
    }

    static OsloTime of(Instant instant) {
        return new OsloTime(instant, null);
    }

    boolean invalid() {
        return error != null;
    }

    /** The time as the field shows it in the page's language; empty when the field held no time. */
    String shown(Locale locale) {
        return invalid() ? "" : TypedTimes.shown(minute(), locale);
    }

    /** The time as links carry it, "2026-03-03T07:00" whatever the language; empty when the field held no time. */
    String iso() {
        return invalid() ? "" : ISO.format(minute());
    }

    /**
     * To the minute, rounded up: a time the auditor chose is whole minutes already, and "now" becomes the coming
     * minute, so a form sent back unchanged still counts every event recorded by now (rounded down, events of the
     * current minute fell outside {@code knownAt} and the page showed too little).
     */
    private LocalDateTime minute() {
        Instant minute = instant.truncatedTo(ChronoUnit.MINUTES);
        return (minute.equals(instant) ? minute : minute.plus(1, ChronoUnit.MINUTES)).atZone(GapWording.OSLO)
                .toLocalDateTime();
    }
}
