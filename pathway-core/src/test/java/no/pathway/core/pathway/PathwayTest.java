package no.pathway.core.pathway;

import java.time.Instant;
import no.pathway.core.event.EventMeta;
import no.pathway.core.event.EventRetracted;
import no.pathway.core.event.HousingRecorded;
import no.pathway.core.event.Housing;
import no.pathway.core.event.PersonDied;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PathwayTest {
    private static final String PATHWAY = "pw-1";
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-03-02T09:00:00Z");

    private AggregateTestFixture<Pathway> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Pathway.class);
    }

    private static EventMeta meta(String source, String eventId, Instant recordedAt) {
        return new EventMeta(eventId, source, T0, recordedAt, "0301", null);
    }

    private static HousingRecorded housing(String source, String eventId, Instant recordedAt) {
        return new HousingRecorded(meta(source, eventId, recordedAt), Housing.OWN);
    }

    private static EventRetracted retraction(String source, String eventId, String target) {
        return new EventRetracted(meta(source, eventId, null), target, "entered in error");
    }

    @Test
    void the_first_fact_starts_the_pathway_at_sequence_zero() {
        fixture.givenNoPriorActivity()
                .when(new RecordFact(PATHWAY, housing("dips", "e1", null), T0))
                .expectEvents(housing("dips", "e1", T0))
                .expectResultMessagePayload(new FactRecorded(PATHWAY, 0, T0));
    }

    @Test
    void later_facts_get_the_next_sequence() {
        fixture.given(housing("dips", "e1", T0), new PersonDied(meta("dips", "e2", T0)))
                .when(new RecordFact(PATHWAY, housing("dips", "e3", null), T1))
                .expectResultMessagePayload(new FactRecorded(PATHWAY, 2, T1));
    }

    @Test
    void recording_time_never_goes_backwards_even_if_the_clock_does() {
        fixture.given(housing("dips", "e1", T1))
                .when(new RecordFact(PATHWAY, housing("dips", "e2", null), T0))
                .expectEvents(housing("dips", "e2", T1))
                .expectResultMessagePayload(new FactRecorded(PATHWAY, 1, T1));
    }

    @Test
    void a_source_may_retract_its_own_event() {
        fixture.given(housing("dips", "e1", T0))
                .when(new RecordFact(PATHWAY, retraction("dips", "r1", "e1"), T1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EventRetracted(meta("dips", "r1", T1), "e1", "entered in error"));
    }

    @Test
    void a_source_may_not_retract_another_sources_event() {
        fixture.given(housing("dips", "e1", T0))
                .when(new RecordFact(PATHWAY, retraction("nav", "r1", "e1"), T1))
                .expectException(RetractionRejected.class)
                .expectNoEvents();
    }

    @Test
    void a_retraction_of_an_unknown_event_is_rejected_and_changes_nothing() {
        fixture.given(housing("dips", "e1", T0))
                .when(new RecordFact(PATHWAY, retraction("dips", "r1", "nope"), T1))
                .expectException(RetractionRejected.class)
                .expectNoEvents();
    }

    @Test
    void a_retraction_cannot_be_retracted() {
        fixture.given(housing("dips", "e1", T0), retraction("dips", "r1", "e1"))
                .when(new RecordFact(PATHWAY, retraction("dips", "r2", "r1"), T1))
                .expectException(RetractionRejected.class)
                .expectNoEvents();
    }
}
