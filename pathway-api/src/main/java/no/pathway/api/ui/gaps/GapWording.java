package no.pathway.api.ui.gaps;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import no.pathway.api.ui.layout.Municipalities;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.Explanation;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapStatus;
import no.pathway.projections.gaps.Acknowledgement;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Says a gap in words, in the reader's language: what happened (the trigger, how long ago), what is missing and in
 * which window, and how much time is left or how far past the deadline it is; or, once resolved, how it ended. Times
 * are shown in Europe/Oslo; durations in whole minutes, hours (under four days) or days, rounded down.
 */
@Component
public class GapWording {
    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Duration HOUR = Duration.ofHours(1);
    /** Deadlines of 24, 48 and 72 hours read best in hours; from four days on, days. */
    private static final Duration FOUR_DAYS = Duration.ofHours(96);
    private final MessageSource messages;

    public GapWording(MessageSource messages) {
        this.messages = messages;
    }

    public GapLine line(Gap gap, Acknowledgement acknowledgement, Instant now, Locale locale) {
        GapStatus status = gap.statusAt(now);
        return new GapLine(gap.gapId(), gap.pathwayId(), what(gap, status, now, locale), when(gap, status, now, locale),
                text("rule." + gap.rule(), locale), setting(gap, locale),
                Municipalities.label(gap.municipality()), status, statusLabel(gap, status, locale), color(gap, status),
                due(gap.dueAt(), now, locale), gap.dueAt().toString(),
                acknowledgement == null ? null : text("gap.acknowledged", locale, time(acknowledgement.at(), locale),
                        acknowledgement.note() == null ? "" : acknowledgement.note()));
    }

    /**
     * The service the trigger came from, as the gap's explanation has it (fixed by the rule, or from the gap's record);
     * where it cannot tell (a discharge's housing gap, a missed appointment, an overdose, which happens outside the
     * services) a sentence that says what is known, never a blank.
     */
    String setting(Gap gap, Locale locale) {
        Setting setting = Explanation.Trigger.of(gap).setting();
        return setting != null ? text("setting." + setting, locale) : text("setting.of." + gap.rule(), locale);
    }

    /** What happened and what is missing while the gap is unresolved; what happened and how it ended after. */
    String what(Gap gap, GapStatus status, Instant now, Locale locale) {
        String happened = text("gap.happened." + gap.rule(), locale,
                duration(Duration.between(gap.openedAt(), now), locale));
        return happened + ", " + switch (status) {
            case PROSPECTIVE, OPEN -> text("gap.missing." + gap.rule(), locale,
                    duration(Duration.ofMinutes(gap.deadlineMinutes()), locale));
            case CLOSED -> text(gap.late() ? "gap.closedLate" : "gap.closedOnTime", locale);
            case NOT_APPLICABLE -> text("gap.excluded." + gap.reason(), locale);
        };
    }

    /** Time left or how far past the deadline; nothing once resolved. */
    String when(Gap gap, GapStatus status, Instant now, Locale locale) {
        return switch (status) {
            case PROSPECTIVE -> text("gap.left", locale, duration(Duration.between(now, gap.dueAt()), locale));
            case OPEN -> text("gap.overdue", locale, duration(Duration.between(gap.dueAt(), now), locale));
            case CLOSED, NOT_APPLICABLE -> "";
        };
    }

    /** The time as a person in Norway reads it: "3. mars 2026 kl. 09:00", "3 Mar 2026, 09:00". */
    public String time(Instant instant, Locale locale) {
        return DateTimeFormatter.ofPattern(text("time.pattern", locale), locale).withZone(OSLO).format(instant);
    }

    /** A deadline, without the year when it is this year's: "3. mars kl. 09:00", "3 Mar, 09:00". */
    String due(Instant instant, Instant now, Locale locale) {
        boolean thisYear = instant.atZone(OSLO).getYear() == now.atZone(OSLO).getYear();
        return thisYear ? DateTimeFormatter.ofPattern(text("time.patternThisYear", locale), locale).withZone(OSLO)
                .format(instant) : time(instant, locale);
    }

    /** "10 min", "14 t", "3 døgn" (nb); "10 min", "14 h", "3 days" (en). Never negative. */
    String duration(Duration duration, Locale locale) {
        Duration d = duration.isNegative() ? Duration.ZERO : duration;
        if (d.compareTo(HOUR) < 0) {
            return text("duration.minutes", locale, d.toMinutes());
        }
        if (d.compareTo(FOUR_DAYS) < 0) {
            return text("duration.hours", locale, d.toHours());
        }
        return text("duration.days", locale, d.toDays());
    }

    private String statusLabel(Gap gap, GapStatus status, Locale locale) {
        return text(status == GapStatus.CLOSED && gap.late() ? "status.CLOSED_LATE" : "status." + status, locale);
    }

    private static String color(Gap gap, GapStatus status) {
        return switch (status) {
            case OPEN -> "danger";
            case PROSPECTIVE -> "warning";
            case CLOSED -> gap.late() ? "info" : "success";
            case NOT_APPLICABLE -> "neutral";
        };
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
