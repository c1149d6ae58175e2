package no.pathway.projections.engine;

import static no.pathway.projections.engine.Facts.SOURCE;
import static no.pathway.projections.engine.Facts.h;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.pathway.core.event.Activity;
import no.pathway.core.event.ActivityRecorded;
import no.pathway.core.event.EventMeta;
import no.pathway.core.event.OverdoseRecorded;
import no.pathway.core.event.PathwayEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which municipality a gap belongs to: the one responsible at its trigger, the latest reported by an event that
 * occurred at or before it; if none was reported by then, the first reported after. Each row: the events in
 * recorded order and the municipality of the gap triggered by the overdose {@code od} at {@code h(0)}.
 */
class ResponsibleMunicipalityTest {
    private static final String OSLO = "0301";
    private static final String BERGEN = "4601";
    private static final String TROMSO = "5501";
    private final GapEngine engine = new GapEngine(RuleSet.defaults());

    private static EventMeta meta(String eventId, Instant occurredAt, String municipality) {
        return new EventMeta(eventId, SOURCE, occurredAt, occurredAt, municipality, null);
    }

    private static PathwayEvent overdose(String municipality) {
        return new OverdoseRecorded(meta("od", h(0), municipality), false);
    }

    private static PathwayEvent report(String eventId, double hours, String municipality) {
        return new ActivityRecorded(meta(eventId, h(hours), municipality), Activity.WORK);
    }

    static Stream<Arguments> pathways() {
        double minutes = 1.0 / 60;
        return Stream.of(
                Arguments.of("no municipality ever reported", List.of(overdose(null)), null),
                Arguments.of("the trigger names it", List.of(overdose(OSLO)), OSLO),
                Arguments.of("a move after the trigger leaves the gap where it was",
                        List.of(overdose(OSLO), report("move", 24, BERGEN)), OSLO),
                Arguments.of("one event a few minutes ahead from another source (the attack of finding 5)",
                        List.of(report("home", -48, OSLO), overdose(null), report("attack", 5 * minutes, BERGEN)),
                        OSLO),
                Arguments.of("the latest report before the trigger, not the first",
                        List.of(report("a", -48, TROMSO), report("b", -24, OSLO), overdose(null)), OSLO),
                Arguments.of("by occurrence: a report of before, recorded after the trigger",
                        List.of(report("b", -24, OSLO), overdose(null), report("late", -12, BERGEN)), BERGEN),
                Arguments.of("a report at the very instant of the trigger counts",
                        List.of(report("a", -24, OSLO), report("same", 0, BERGEN), overdose(null)), BERGEN),
                Arguments.of("none reported by then: the first reported after",
                        List.of(overdose(null), report("first", 2, BERGEN), report("second", 30, TROMSO)), BERGEN),
                Arguments.of("the trigger's own municipality beats a report of the same instant recorded before it",
                        List.of(report("same", 0, BERGEN), overdose(OSLO)), OSLO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathways")
    void a_gap_belongs_to_the_municipality_responsible_at_its_trigger(String what, List<PathwayEvent> events,
                                                                         String expected) {
        List<Gap> gaps = engine.evaluateAll("pw", new ArrayList<>(events));
        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.triggeredBy()).isEqualTo("od");
            assertThat(g.municipality()).isEqualTo(expected);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathways")
    void the_pathway_itself_belongs_to_the_latest_reported(String what, List<PathwayEvent> events, String ignored) {
        Seen seen = Seen.of(events, Instant.MAX, Instant.MAX);
        String latest = seen.all().stream().map(f -> f.event().meta().municipality())
                .filter(java.util.Objects::nonNull).reduce((a, b) -> b).orElse(null);
        assertThat(seen.municipality()).isEqualTo(latest);
    }
}
