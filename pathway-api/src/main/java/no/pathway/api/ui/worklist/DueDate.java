package no.pathway.api.ui.worklist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import no.pathway.api.ui.gaps.GapWording;
import no.pathway.api.ui.layout.TypedTimes;

/**
 * The worklist's "due by" date as a person types it in the page's language ({@link TypedTimes}: 31.03.2026 on the
 * Norwegian page, 31/03/2026 on the English one, either and ISO on both). A date that is not one is reported on the
 * field and not echoed.
 *
 * @param date    the date, or null when none was given or it was not a date
 * @param invalid whether something was given that is not a date
 */
record DueDate(LocalDate date, boolean invalid) {

    static DueDate parse(String text) {
        if (text == null) {
            return new DueDate(null, false);
        }
        return TypedTimes.date(text).map(d -> new DueDate(d, false)).orElse(new DueDate(null, true));
    }

    /** Before the start of the next day in Norway; null without a date. */
    Instant endOfDay() {
        return date == null ? null : date.plusDays(1).atStartOfDay(GapWording.OSLO).toInstant();
    }

    /** The date as the page's language writes it, for the field; empty without a (valid) date. */
    String shown(Locale locale) {
        return date == null ? "" : TypedTimes.shown(date, locale);
    }
}
