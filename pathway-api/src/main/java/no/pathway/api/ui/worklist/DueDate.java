package no.pathway.api.ui.worklist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import no.pathway.api.ui.gaps.GapWording;
import no.pathway.api.ui.layout.Languages;

/**
 * The worklist's "due by" date as a person types it in the page's language: 31.03.2026 on the Norwegian page,
 * 31/03/2026 on the English one (a browser's own date field follows the browser's language, not the page's). Either
 * form, and ISO 2026-03-31, is understood on both pages, so a link keeps working after a language switch. A date
 * that is not one is reported on the field and not echoed.
 *
 * @param date    the date, or null when none was given or it was not a date
 * @param invalid whether something was given that is not a date
 */
record DueDate(LocalDate date, boolean invalid) {
    private static final DateTimeFormatter NORWEGIAN = strict("d.M.uuuu");
    private static final DateTimeFormatter ENGLISH = strict("d/M/uuuu");
    private static final List<DateTimeFormatter> UNDERSTOOD = List.of(NORWEGIAN, ENGLISH,
            DateTimeFormatter.ISO_LOCAL_DATE);

    static DueDate parse(String text) {
        if (text == null) {
            return new DueDate(null, false);
        }
        for (DateTimeFormatter format : UNDERSTOOD) {
            try {
                return new DueDate(LocalDate.parse(text.strip(), format), false);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return new DueDate(null, true);
    }

    /** Before the start of the next day in Norway; null without a date. */
    Instant endOfDay() {
        return date == null ? null : date.plusDays(1).atStartOfDay(GapWording.OSLO).toInstant();
    }

    /** The date as the page's language writes it, for the field; empty without a (valid) date. */
    String shown(Locale locale) {
        if (date == null) {
            return "";
        }
        return (Languages.supported(locale).equals(Languages.ENGLISH) ? strict("dd/MM/uuuu") : strict("dd.MM.uuuu"))
                .format(date);
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }
}
