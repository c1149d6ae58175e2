package no.pathway.api.ui.layout;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates and times of day as a person types them in a page's text field, in the page's language: 31.03.2026 and
 * 31.03.2026 07:00 on the Norwegian page, 31/03/2026 and 31/03/2026 07:00 on the English one (a browser's own date
 * and time fields follow the browser's language, not the page's). Every form, and ISO (2026-03-31,
 * 2026-03-31T07:00), is understood on both pages, so a link keeps working after a language switch. Times are to the
 * minute; which zone they are in is the caller's (the pages' is Europe/Oslo).
 */
public final class TypedTimes {
    /**
     * The longest text understood: a field takes 16 characters ("31.03.2026 07:00", "2026-03-31T07:00"), a link may
     * still carry seconds and fractions (the browsers' date-time fields sent them).
     */
    private static final int LONGEST_ISO = 29;
    private static final List<DateTimeFormatter> DATES = List.of(strict("d.M.uuuu"), strict("d/M/uuuu"),
            DateTimeFormatter.ISO_LOCAL_DATE);
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(strict("d.M.uuuu H:mm"),
            strict("d/M/uuuu H:mm"), DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private TypedTimes() {
    }

    /** The date typed, in any of the forms; empty when it is none. */
    public static Optional<LocalDate> date(String text) {
        return parse(text, DATES, LocalDate::from);
    }

    /** The date and time of day typed, in any of the forms, to the minute; empty when it is none. */
    public static Optional<LocalDateTime> dateTime(String text) {
        return parse(text, DATE_TIMES, LocalDateTime::from).map(t -> t.truncatedTo(ChronoUnit.MINUTES));
    }

    /** A date as the page's language writes it: 01.03.2026, 01/03/2026. */
    public static String shown(LocalDate date, Locale locale) {
        return format(locale, "").format(date);
    }

    /** A date and time as the page's language writes it: 01.03.2026 07:00, 01/03/2026 07:00. */
    public static String shown(LocalDateTime dateTime, Locale locale) {
        return format(locale, " HH:mm").format(dateTime);
    }

    private static DateTimeFormatter format(Locale locale, String time) {
        return strict((Languages.supported(locale).equals(Languages.ENGLISH) ? "dd/MM/uuuu" : "dd.MM.uuuu") + time);
    }

    private static <T> Optional<T> parse(String text, List<DateTimeFormatter> formats, TemporalQuery<T> query) {
        if (text == null || text.strip().length() > LONGEST_ISO) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : formats) {
            try {
                return Optional.of(format.parse(text.strip(), query));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }
}
