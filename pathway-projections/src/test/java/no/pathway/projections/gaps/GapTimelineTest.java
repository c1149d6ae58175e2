package no.pathway.projections.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.pathway.core.event.ContactAssigned;
import no.pathway.core.event.ContactRole;
import no.pathway.core.event.EventMeta;
import no.pathway.core.event.HandoverAccepted;
import no.pathway.core.event.HandoverSent;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.engine.GapRule;
import no.pathway.projections.engine.GapStatus;
import no.pathway.projections.engine.RuleSet;
import org.junit.jupiter.api.Test;

class GapTimelineTest {
    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");
    private final GapEngine engine = new GapEngine(RuleSet.defaults());

    private static EventMeta meta(String id, Instant occurred, Instant recorded) {
        return new EventMeta(id, "src", occurred, recorded, null, null);
    }

    private GapTimeline.Entry handoverGap(List<PathwayEvent> events) {
        return GapTimeline.of(engine, "pw", events).stream()
                .filter(e -> e.rule() == GapRule.HANDOVER_NOT_ACCEPTED_48H).findFirst().orElseThrow();
    }

    @Test
    void a_change_is_laid_to_the_event_that_made_it_even_when_recorded_in_the_same_instant() {
        Instant recorded = T.plus(Duration.ofHours(5));
        List<PathwayEvent> events = List.of(
                new HandoverSent(meta("sent", T, T), "h1", Setting.RESIDENTIAL, Setting.MUNICIPALITY, null),
                new HandoverAccepted(meta("accepted", T.plusSeconds(60), recorded), "h1"),
                new ContactAssigned(meta("contact", T.plusSeconds(60), recorded), Setting.MUNICIPALITY,
                        ContactRole.COORDINATOR));

        List<GapTimeline.Change> changes = handoverGap(events).changes();

        assertThat(changes).extracting(GapTimeline.Change::status)
                .containsExactly(GapStatus.PROSPECTIVE, GapStatus.CLOSED);
        assertThat(changes.get(1).eventId()).isEqualTo("accepted");
        assertThat(changes.get(1).at()).isEqualTo(recorded);
    }

    @Test
    void a_deadline_passing_is_a_change_of_its_own() {
        List<PathwayEvent> events = List.of(
                new HandoverSent(meta("sent", T, T), "h1", Setting.RESIDENTIAL, Setting.MUNICIPALITY, null),
                new HandoverAccepted(meta("accepted", T.plus(Duration.ofHours(50)), T.plus(Duration.ofHours(50))),
                        "h1"));

        List<GapTimeline.Change> changes = handoverGap(events).changes();

        assertThat(changes).extracting(GapTimeline.Change::status)
                .containsExactly(GapStatus.PROSPECTIVE, GapStatus.OPEN, GapStatus.CLOSED);
        assertThat(changes.get(1).cause()).isEqualTo("DEADLINE_PASSED");
        assertThat(changes.get(1).at()).isEqualTo(T.plus(Duration.ofHours(48)));
    }

    @Test
    void a_late_recorded_fact_changes_what_was_shown_only_when_it_became_known() {
        Instant occurred = T.plus(Duration.ofHours(1));
        Instant recorded = T.plus(Duration.ofHours(60));
        List<PathwayEvent> events = List.of(
                new HandoverSent(meta("sent", T, T), "h1", Setting.RESIDENTIAL, Setting.MUNICIPALITY, null),
                new HandoverAccepted(meta("accepted", occurred, recorded), "h1"));

        List<GapTimeline.Change> changes = handoverGap(events).changes();

        assertThat(changes).extracting(GapTimeline.Change::status)
                .containsExactly(GapStatus.PROSPECTIVE, GapStatus.OPEN, GapStatus.CLOSED);
        assertThat(changes.get(2).at()).isEqualTo(recorded);
        assertThat(changes.get(2).occurredAt()).isEqualTo(occurred);
    }
}
