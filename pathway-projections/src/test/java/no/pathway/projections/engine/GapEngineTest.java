package no.pathway.projections.engine;

import static no.pathway.core.event.EndReason.COMPLETED;
import static no.pathway.core.event.Housing.OWN;
import static no.pathway.core.event.Setting.DETOX;
import static no.pathway.core.event.Setting.OUTPATIENT;
import static no.pathway.core.event.Setting.RESIDENTIAL;
import static no.pathway.projections.engine.Facts.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.pathway.core.event.PathwayEvent;
import org.junit.jupiter.api.Test;

class GapEngineTest {
    private final GapEngine engine = new GapEngine(RuleSet.defaults());

    private Gap only(List<Gap> gaps, GapRule rule) {
        return gaps.stream().filter(g -> g.rule() == rule).findFirst().orElseThrow();
    }

    @Test
    void a_booking_recorded_after_knownAt_is_not_seen() {
        List<PathwayEvent> events = List.of(
                ended("end", DETOX, COMPLETED, h(0)),
                recordedAt(booked("b", "a", OUTPATIENT, h(10), h(-2)), h(30)));

        Gap before = only(engine.evaluate("pw", events, h(31), h(29)), GapRule.DETOX_NO_TREATMENT_24H);
        Gap after = only(engine.evaluate("pw", events, h(31), h(30)), GapRule.DETOX_NO_TREATMENT_24H);

        assertThat(before.statusAt(h(31))).isEqualTo(GapStatus.OPEN);
        assertThat(after.statusAt(h(31))).isEqualTo(GapStatus.CLOSED);
        assertThat(after.closedAt()).isEqualTo(h(0));
    }

    @Test
    void a_retraction_recorded_after_knownAt_is_not_seen_either() {
        List<PathwayEvent> events = List.of(
                ended("end", DETOX, COMPLETED, h(0)),
                booked("b", "a", OUTPATIENT, h(10), h(1)),
                recordedAt(retracted("r", "b", h(2)), h(40)));

        assertThat(only(engine.evaluate("pw", events, h(30), h(39)), GapRule.DETOX_NO_TREATMENT_24H)
                .statusAt(h(30))).isEqualTo(GapStatus.CLOSED);
        assertThat(only(engine.evaluate("pw", events, h(30), h(40)), GapRule.DETOX_NO_TREATMENT_24H)
                .statusAt(h(30))).isEqualTo(GapStatus.OPEN);
    }

    @Test
    void every_trigger_produces_a_gap_even_when_the_follow_up_was_in_place() {
        List<Gap> gaps = engine.evaluate("pw", List.of(
                housing("h", OWN, h(-5)),
                booked("b", "a", OUTPATIENT, h(5), h(-1)),
                ended("end", DETOX, COMPLETED, h(0))), h(1), h(1));
        assertThat(gaps).extracting(Gap::rule).containsExactlyInAnyOrder(GapRule.DETOX_NO_TREATMENT_24H,
                GapRule.DISCHARGE_WITHOUT_HOUSING, GapRule.DISCHARGE_WITHOUT_HANDOVER);
    }

    @Test
    void gap_ids_are_deterministic_and_distinct() {
        List<PathwayEvent> events = List.of(ended("end", RESIDENTIAL, COMPLETED, h(0)));
        List<String> first = engine.evaluateAll("pw", events).stream().map(Gap::gapId).toList();
        List<String> second = engine.evaluateAll("pw", events).stream().map(Gap::gapId).toList();
        List<String> other = engine.evaluateAll("other", events).stream().map(Gap::gapId).toList();
        assertThat(first).isEqualTo(second).doesNotHaveDuplicates().hasSize(4);
        assertThat(engine.evaluateAll("pw", events)).extracting(Gap::rule).containsExactlyInAnyOrder(
                GapRule.DISCHARGE_WITHOUT_HOUSING, GapRule.DISCHARGE_WITHOUT_HANDOVER,
                GapRule.NO_MUNICIPAL_CONTACT_AT_DISCHARGE, GapRule.NO_ACTIVITY_14D);
        assertThat(other).doesNotContainAnyElementsOf(first);
    }

    @Test
    void the_pathway_keeps_the_latest_municipality_by_occurrence() {
        List<PathwayEvent> events = List.of(
                in(started("s", RESIDENTIAL, h(-10)), "0301"),
                in(housing("h", OWN, h(-20)), "4204"),
                ended("end", RESIDENTIAL, COMPLETED, h(0)));
        assertThat(engine.evaluateAll("pw", events)).extracting(Gap::municipality).containsOnly("0301");
    }

    @Test
    void deadlines_and_version_are_configuration_recorded_on_each_gap() {
        GapEngine stricter = new GapEngine(new RuleSet("2027.1",
                Map.of(GapRule.DETOX_NO_TREATMENT_24H, Duration.ofHours(12))));
        Gap gap = only(stricter.evaluateAll("pw", List.of(ended("end", DETOX, COMPLETED, h(0)))),
                GapRule.DETOX_NO_TREATMENT_24H);
        assertThat(gap.dueAt()).isEqualTo(h(12));
        assertThat(gap.ruleVersion()).isEqualTo("2027.1");
        assertThat(gap.deadlineMinutes()).isEqualTo(12 * 60);
        // the window follows the deadline: an appointment at 20 h no longer meets it
        Gap withAppointment = only(stricter.evaluateAll("pw", List.of(ended("end", DETOX, COMPLETED, h(0)),
                booked("b", "a", OUTPATIENT, h(20), h(1)))), GapRule.DETOX_NO_TREATMENT_24H);
        assertThat(withAppointment.closedAt()).isNull();
    }

    @Test
    void the_order_of_arrival_does_not_change_the_gaps() {
        List<PathwayEvent> events = new ArrayList<>(List.of(
                started("s0", DETOX, h(-50)),
                housing("h", OWN, h(-40)),
                sent("ho", "h1", DETOX, OUTPATIENT, h(-3)),
                accepted("acc", "h1", h(-2)),
                booked("b", "a", OUTPATIENT, h(10), h(-1)),
                ended("end", DETOX, COMPLETED, h(0)),
                missed("m", "a", h(10)),
                booked("b2", "a2", OUTPATIENT, h(40), h(20))));
        List<Gap> reference = sorted(engine.evaluate("pw", events, h(100), Instant.MAX));
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(events, random);
            assertThat(sorted(engine.evaluate("pw", events, h(100), Instant.MAX))).isEqualTo(reference);
        }
    }

    private static List<Gap> sorted(List<Gap> gaps) {
        return gaps.stream().sorted(Comparator.comparing(Gap::gapId)).toList();
    }
}
