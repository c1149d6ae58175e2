package no.pathway.api.gaps;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import no.pathway.projections.engine.Explanation;
import org.springframework.boot.jackson.JacksonMixin;

/**
 * How the API writes the engine's {@link Explanation} (pathway.yaml, {@code GapExplanation}). Mix-ins, because the
 * gap engine is plain Java and knows nothing of JSON (ArchitectureTest).
 */
final class ExplanationJson {
    private ExplanationJson() {
    }

    /** Parts that do not apply ({@code satisfiedBy}, {@code excludedBy}, {@code windowFrom}) are left out, not null. */
    @JacksonMixin({Explanation.class, Explanation.Expected.class})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    interface LeavesOutWhatDoesNotApply {
    }

    /**
     * The trigger's service is for the pages' wording (the worklist's "Tjeneste"); the API has not published it (it
     * is known for some rules only, and for stored gaps from the record's detail).
     */
    @JacksonMixin(Explanation.Trigger.class)
    @JsonIgnoreProperties("setting")
    interface TriggerWithoutSetting {
    }
}
