package no.pathway.api.gaps;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.pathway.core.event.FactType;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.Explanation;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapStatus;

/**
 * A gap's explanation as the API shows it ({@link Explanation}): what triggered it, what would satisfy it, what
 * satisfied ({@code satisfiedBy}, when closed) or excluded it ({@code excludedBy}, when not applicable), and the
 * rule version. Words in English; the pages translate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GapExplanation(
        int ruleNumber,
        String ruleVersion,
        Duration deadline,
        Trigger trigger,
        Expected expected,
        String satisfiedBy,
        String excludedBy,
        String summary) {

    public record Trigger(String eventId, FactType eventType, String condition) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Expected(String words, List<FactType> eventTypes, List<Setting> settings, Instant windowFrom,
                           Instant windowTo) {
    }

    public static GapExplanation of(Gap gap, GapStatus status) {
        Explanation e = Explanation.of(gap, status);
        Explanation.Expected x = e.expected();
        return new GapExplanation(e.ruleNumber(), e.ruleVersion(), e.deadline(),
                new Trigger(e.trigger().eventId(), e.trigger().eventType(), e.trigger().condition()),
                new Expected(x.words(), x.eventTypes(), x.settings(), x.windowFrom(), x.windowTo()),
                e.satisfiedBy(), e.excludedBy(), e.summary());
    }
}
