package no.pathway.api.ui.pathway;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import no.pathway.api.ui.gaps.GapWording;
import no.pathway.projections.engine.Explanation;
import no.pathway.projections.engine.Gap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A gap's explanation on the pathway page, in the reader's language: what triggered it, what would close it and
 * when that is on time, what closed or excluded it, and the rule version with its deadline. The same facts as the
 * API's {@code explanation} ({@link Explanation}); the words come from the messages, one per rule.
 */
@Component
class GapExplainer {
    /** Deadlines read best in hours up to three days, then in days. */
    private static final Duration FOUR_DAYS = Duration.ofDays(4);

    /** The lines of one gap's explanation; {@code settled} is what closed or excluded it, if anything. */
    record Lines(String trigger, String expected, String window, String settled, String version) {
    }

    private final MessageSource messages;
    private final GapWording wording;

    GapExplainer(MessageSource messages, GapWording wording) {
        this.messages = messages;
        this.wording = wording;
    }

    Lines explain(Gap gap, Instant now, Locale locale) {
        Explanation e = Explanation.of(gap, gap.statusAt(now));
        Explanation.Expected x = e.expected();
        String trigger = text("gap.why.trigger", locale, text("eventType." + e.trigger().eventType(), locale),
                e.trigger().eventId(), wording.time(gap.openedAt(), locale));
        String window = x.windowFrom() == null
                ? text("gap.why.windowUntil", locale, wording.time(x.windowTo(), locale))
                : text("gap.why.window", locale, wording.time(x.windowFrom(), locale), wording.time(x.windowTo(), locale));
        String settled = e.satisfiedBy() != null ? text("gap.why.satisfiedBy", locale, e.satisfiedBy())
                : e.excludedBy() != null ? text("gap.why.excludedBy", locale, e.excludedBy()) : null;
        return new Lines(trigger, text("gap.why.expected", locale, text("gap.expected." + gap.rule(), locale)),
                window, settled, text("gap.why.version", locale, e.ruleVersion(), deadline(e.deadline(), locale)));
    }

    private String deadline(Duration d, Locale locale) {
        if (d.toHours() < 1) {
            return text("duration.minutes", locale, d.toMinutes());
        }
        return d.compareTo(FOUR_DAYS) < 0 ? text("duration.hours", locale, d.toHours())
                : text("duration.days", locale, d.toDays());
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
