package no.pathway.projections.engine;

import static no.pathway.core.event.EndReason.COMPLETED;
import static no.pathway.core.event.Setting.DETOX;
import static no.pathway.core.event.Setting.OUTPATIENT;
import static no.pathway.projections.engine.Facts.*;
import static no.pathway.projections.engine.GapRule.DETOX_NO_TREATMENT_24H;
import static no.pathway.projections.engine.GapStatus.CLOSED;
import static no.pathway.projections.engine.GapStatus.OPEN;
import static no.pathway.projections.engine.GapStatus.PROSPECTIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.pathway.core.event.PathwayEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule versions by date of effect: the version in force at a gap's trigger judges it. Version 2027.1 shortens the
 * detox guarantee from 24 to 12 hours from h(48) on; one pathway has a detox end before that date and one after,
 * each with an outpatient appointment 18 hours after the end.
 */
class RuleVersionsTest {
    static final Instant D = h(48);
    static final RuleVersions VERSIONS = new RuleVersions(List.of(
            new RuleVersions.Version(Instant.MIN, RuleSet.defaults()),
            new RuleVersions.Version(D, new RuleSet("2027.1", Map.of(DETOX_NO_TREATMENT_24H, Duration.ofHours(12))))));
    private final GapEngine engine = new GapEngine(VERSIONS);

    static List<PathwayEvent> pathway() {
        return List.of(
                ended("before", DETOX, COMPLETED, h(0)),
                booked("b1", "a1", OUTPATIENT, h(18), h(1)),
                ended("at", DETOX, COMPLETED, D),
                booked("b2", "a2", OUTPATIENT, h(48 + 18), h(49)),
                ended("after", DETOX, COMPLETED, h(72)),
                booked("b3", "a3", OUTPATIENT, h(72 + 18), h(73)));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                // trigger, judged at, status, version, deadline in hours, due
                Arguments.of("before", 20.0, CLOSED, "2026.1", 24, 24.0),
                Arguments.of("before", 23.0, CLOSED, "2026.1", 24, 24.0),
                Arguments.of("at", 48 + 11.0, PROSPECTIVE, "2027.1", 12, 60.0),
                Arguments.of("at", 48 + 12.5, OPEN, "2027.1", 12, 60.0),
                Arguments.of("after", 72 + 12.0, PROSPECTIVE, "2027.1", 12, 84.0),
                Arguments.of("after", 72 + 13.0, OPEN, "2027.1", 12, 84.0),
                Arguments.of("after", 72 + 20.0, OPEN, "2027.1", 12, 84.0));
    }

    @ParameterizedTest(name = "trigger {0} judged at h({1}): {2} by {3}")
    @MethodSource("rows")
    void a_gap_is_judged_by_the_version_in_force_at_its_trigger(String trigger, double at, GapStatus status,
                                                               String version, int deadlineHours, double due) {
        Gap gap = engine.evaluate("pw", pathway(), h(at), Instant.MAX).stream()
                .filter(g -> g.rule() == DETOX_NO_TREATMENT_24H && g.triggeredBy().equals(trigger)).findFirst()
                .orElseThrow();
        assertThat(gap.statusAt(h(at))).isEqualTo(status);
        assertThat(gap.ruleVersion()).isEqualTo(version);
        assertThat(gap.deadlineMinutes()).isEqualTo(deadlineHours * 60L);
        assertThat(gap.dueAt()).isEqualTo(h(due));
    }

    @Test
    void the_appointment_window_is_the_deadline_in_force_so_a_booking_at_18_hours_no_longer_counts_after_the_date() {
        List<Gap> gaps = engine.evaluateAll("pw", pathway()).stream().filter(g -> g.rule() == DETOX_NO_TREATMENT_24H)
                .toList();
        assertThat(gaps).filteredOn(g -> g.triggeredBy().equals("before")).singleElement()
                .satisfies(g -> assertThat(g.closedBy()).isEqualTo("b1"));
        assertThat(gaps).filteredOn(g -> !g.triggeredBy().equals("before"))
                .allSatisfy(g -> assertThat(g.closedAt()).isNull());
    }

    @Test
    void a_rebuild_gives_the_same_gaps_and_a_later_version_leaves_the_gaps_before_its_date_as_they_were() {
        GapEngine old = new GapEngine(RuleSet.defaults());
        for (long seed = 0; seed < 500; seed++) {
            List<PathwayEvent> events = new RandomPathways(seed).next(1 + (int) (seed % 40));
            List<Gap> once = engine.evaluateAll("pw", events);
            assertThat(engine.evaluateAll("pw", events)).as("seed %d", seed).isEqualTo(once);
            assertThat(once.stream().filter(g -> g.openedAt().isBefore(D)).toList()).as("seed %d", seed)
                    .isEqualTo(old.evaluateAll("pw", events).stream().filter(g -> g.openedAt().isBefore(D)).toList());
        }
    }

    @Test
    void a_trigger_before_the_first_version_is_judged_by_the_first() {
        RuleVersions from2027 = new RuleVersions(List.of(new RuleVersions.Version(D, RuleSet.defaults())));
        assertThat(from2027.at(h(0)).version()).isEqualTo(RuleSet.DEFAULT_VERSION);
    }

    @Test
    void a_version_listed_twice_or_two_versions_on_one_date_are_refused() {
        assertThatThrownBy(() -> new RuleVersions(List.of(new RuleVersions.Version(Instant.MIN, RuleSet.defaults()),
                new RuleVersions.Version(D, RuleSet.defaults())))).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> new RuleVersions(List.of(new RuleVersions.Version(D, RuleSet.defaults()),
                new RuleVersions.Version(D, new RuleSet("2027.1", Map.of()))))).hasMessageContaining("take effect at");
    }
}
