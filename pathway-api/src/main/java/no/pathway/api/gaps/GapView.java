package no.pathway.api.gaps;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.pathway.core.event.FollowUpOutcome;
import no.pathway.projections.engine.Exclusion;
import no.pathway.projections.engine.Explanation;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapRule;
import no.pathway.projections.engine.GapStatus;
import no.pathway.projections.gaps.Acknowledgement;
import no.pathway.projections.gaps.FollowUp;

/**
 * A gap record as gap-rules.md describes it, with its status at a given time. Closing fields appear only when
 * the gap is closed at that time, {@code reason} only when it is not applicable; {@code acknowledgement} is the
 * latest coordinator acknowledgement, if any; {@code assignedTo} (with when and by whom) the coordinator who has the
 * gap, if anyone; {@code followUpAttempts} the call log, oldest first (empty when nothing was tried);
 * {@code explanation} why the gap is what it is ({@link Explanation}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GapView(
        String gapId,
        String pathwayId,
        GapRule rule,
        String ruleVersion,
        Duration deadline,
        GapStatus status,
        String triggeredBy,
        Instant openedAt,
        Instant dueAt,
        Instant closedAt,
        String closedBy,
        Boolean late,
        Exclusion reason,
        String municipality,
        String detail,
        Acknowledgement acknowledgement,
        String assignedTo,
        Instant assignedAt,
        String assignedBy,
        List<Attempt> followUpAttempts,
        Explanation explanation) {

    /** One entry of the gap's call log: when, by whom (token subject), how it went, and the note if any. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(Instant at, String by, FollowUpOutcome outcome, String note) {
    }

    public static GapView of(Gap gap, Instant at, Acknowledgement acknowledgement, FollowUp followUp) {
        FollowUp work = followUp == null ? FollowUp.NONE : followUp;
        FollowUp.Assignment assigned = work.assignment();
        GapStatus status = gap.statusAt(at);
        boolean closed = status == GapStatus.CLOSED;
        return new GapView(gap.gapId(), gap.pathwayId(), gap.rule(), gap.ruleVersion(),
                Duration.ofMinutes(gap.deadlineMinutes()), status, gap.triggeredBy(), gap.openedAt(), gap.dueAt(),
                closed ? gap.closedAt() : null, closed ? gap.closedBy() : null, closed ? gap.late() : null,
                status == GapStatus.NOT_APPLICABLE ? gap.reason() : null, gap.municipality(), gap.detail(),
                acknowledgement, assigned == null ? null : assigned.to(), assigned == null ? null : assigned.at(),
                assigned == null ? null : assigned.by(),
                work.attempts().stream().map(a -> new Attempt(a.at(), a.by(), a.outcome(), a.note())).toList(),
                Explanation.of(gap, status));
    }
}
