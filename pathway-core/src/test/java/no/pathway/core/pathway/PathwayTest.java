package no.pathway.core.pathway;

import java.time.Instant;
import java.util.List;
import no.pathway.core.event.EventMeta;
import java.util.stream.Stream;
import no.pathway.core.event.EventRetracted;
import no.pathway.core.event.FollowUpAttempted;
import no.pathway.core.event.FollowUpOutcome;
import no.pathway.core.event.GapAcknowledged;
import no.pathway.core.event.GapAssigned;
import no.pathway.core.event.HousingRecorded;
import no.pathway.core.event.Housing;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.PersonDied;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    private static RecordFacts record(Instant receivedAt, PathwayEvent... facts) {
        return new RecordFacts(PATHWAY, List.of(facts), receivedAt, Integer.MAX_VALUE - Pathway.ACTION_RESERVE);
    }

    private static RecordFacts recordAtMost(int maxEvents, PathwayEvent... facts) {
        return new RecordFacts(PATHWAY, List.of(facts), T1, maxEvents);
    }

    private static final String NOT_POSTED_HERE = "no event with this id was posted by this source on this pathway";

    @Test
    void the_first_fact_starts_the_pathway_at_sequence_zero() {
        fixture.givenNoPriorActivity()
                .when(record(T0, housing("dips", "e1", null)))
                .expectEvents(housing("dips", "e1", T0))
                .expectResultMessagePayload(List.of(FactOutcome.recorded(0, T0)));
    }

    @Test
    void later_facts_get_the_next_sequence() {
        fixture.given(housing("dips", "e1", T0), new PersonDied(meta("dips", "e2", T0)))
                .when(record(T1, housing("dips", "e3", null)))
                .expectResultMessagePayload(List.of(FactOutcome.recorded(2, T1)));
    }

    @Test
    void facts_of_one_command_are_recorded_in_order_with_consecutive_sequences() {
        fixture.given(housing("dips", "e1", T0))
                .when(record(T1, housing("dips", "e2", null), housing("dips", "e3", null)))
                .expectEvents(housing("dips", "e2", T1), housing("dips", "e3", T1))
                .expectResultMessagePayload(List.of(FactOutcome.recorded(1, T1), FactOutcome.recorded(2, T1)));
    }

    @Test
    void recording_time_never_goes_backwards_even_if_the_clock_does() {
        fixture.given(housing("dips", "e1", T1))
                .when(record(T0, housing("dips", "e2", null)))
                .expectEvents(housing("dips", "e2", T1))
                .expectResultMessagePayload(List.of(FactOutcome.recorded(1, T1)));
    }

    @Test
    void a_source_may_retract_its_own_event() {
        fixture.given(housing("dips", "e1", T0))
                .when(record(T1, retraction("dips", "r1", "e1")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EventRetracted(meta("dips", "r1", T1), "e1", "entered in error"));
    }

    @Test
    void a_retraction_may_name_an_event_recorded_earlier_in_the_same_command() {
        fixture.givenNoPriorActivity()
                .when(record(T1, housing("dips", "e1", null), retraction("dips", "r1", "e1")))
                .expectEvents(housing("dips", "e1", T1), new EventRetracted(meta("dips", "r1", T1), "e1",
                        "entered in error"))
                .expectResultMessagePayload(List.of(FactOutcome.recorded(0, T1), FactOutcome.recorded(1, T1)));
    }

    @Test
    void a_source_may_not_retract_another_sources_event() {
        fixture.given(housing("dips", "e1", T0))
                .when(record(T1, retraction("nav", "r1", "e1")))
                .expectResultMessagePayload(List.of(FactOutcome.refused(NOT_POSTED_HERE)))
                .expectNoEvents();
    }

    @Test
    void a_retraction_of_an_unknown_event_is_refused_and_changes_nothing() {
        fixture.given(housing("dips", "e1", T0))
                .when(record(T1, retraction("dips", "r1", "nope")))
                .expectResultMessagePayload(List.of(FactOutcome.refused(NOT_POSTED_HERE)))
                .expectNoEvents();
    }

    @Test
    void a_refused_fact_does_not_stop_the_facts_around_it() {
        fixture.given(housing("dips", "e1", T0))
                .when(record(T1, housing("dips", "e2", null), retraction("dips", "r1", "nope"),
                        housing("dips", "e3", null)))
                .expectEvents(housing("dips", "e2", T1), housing("dips", "e3", T1))
                .expectResultMessagePayload(List.of(FactOutcome.recorded(1, T1), FactOutcome.refused(NOT_POSTED_HERE),
                        FactOutcome.recorded(2, T1)));
    }

    @Test
    void a_retraction_cannot_be_retracted() {
        fixture.given(housing("dips", "e1", T0), retraction("dips", "r1", "e1"))
                .when(record(T1, retraction("dips", "r2", "r1")))
                .expectResultMessagePayload(List.of(FactOutcome.refused(
                        "a retraction cannot be retracted; post the event again instead")))
                .expectNoEvents();
    }

    private static GapAcknowledged acknowledgement(String client, String eventId, Instant recordedAt) {
        return new GapAcknowledged(meta(client, eventId, recordedAt), "gap-1", "called the clinic", "user-1");
    }

    static Stream<Arguments> retractions() {
        return Stream.of(
                Arguments.of("a fact of its own", housing("kommune", "e1", T0), null),
                Arguments.of("a coordinator's acknowledgement under the same client id",
                        acknowledgement("kommune", "e1", T0),
                        "names a coordinator's action, which only a coordinator may withdraw"),
                Arguments.of("a coordinator's assignment under the same client id",
                        new GapAssigned(meta("kommune", "e1", T0), "gap-1", "user-2", "user-1"),
                        "names a coordinator's action, which only a coordinator may withdraw"),
                Arguments.of("a coordinator's follow-up attempt under the same client id",
                        new FollowUpAttempted(meta("kommune", "e1", T0), "gap-1", FollowUpOutcome.NOT_REACHED, null,
                                "user-1"),
                        "names a coordinator's action, which only a coordinator may withdraw"),
                Arguments.of("a retraction", retraction("kommune", "e1", "e0"),
                        "a retraction cannot be retracted; post the event again instead"),
                Arguments.of("another client's acknowledgement", acknowledgement("other", "e1", T0), NOT_POSTED_HERE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retractions")
    void a_source_retracts_only_facts_it_posted(String what, PathwayEvent recorded, String refusal) {
        var result = fixture.given(housing("kommune", "e0", T0), recorded)
                .when(record(T1, retraction("kommune", "r1", "e1")));
        if (refusal == null) {
            result.expectEvents(new EventRetracted(meta("kommune", "r1", T1), "e1", "entered in error"));
        } else {
            result.expectResultMessagePayload(List.of(FactOutcome.refused(refusal))).expectNoEvents();
        }
    }

    @Test
    void an_acknowledgement_recorded_in_the_same_command_is_no_more_retractable() {
        fixture.givenNoPriorActivity()
                .when(record(T1, acknowledgement("kommune", "e1", null), retraction("kommune", "r1", "e1")))
                .expectEvents(acknowledgement("kommune", "e1", T1))
                .expectResultMessagePayload(List.of(FactOutcome.recorded(0, T1), FactOutcome.refused(
                        "names a coordinator's action, which only a coordinator may withdraw")));
    }

    static Stream<Arguments> fullPathways() {
        return Stream.of(
                Arguments.of("a fact", housing("dips", "e9", null)),
                Arguments.of("a retraction", retraction("dips", "r9", "e0")),
                Arguments.of("a death", new PersonDied(meta("dips", "e9", null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fullPathways")
    void a_full_pathway_refuses_what_a_source_posts_and_records_nothing(String what, PathwayEvent posted) {
        fixture.given(housing("dips", "e0", T0), housing("dips", "e1", T0))
                .when(recordAtMost(2, posted))
                .expectNoEvents()
                .expectResultMessagePayload(List.of(FactOutcome.full(2)));
    }

    @Test
    void the_facts_of_one_command_fill_the_pathway_up_to_its_limit_and_no_further() {
        fixture.given(housing("dips", "e0", T0))
                .when(recordAtMost(3, housing("dips", "e1", null), housing("dips", "e2", null),
                        housing("dips", "e3", null)))
                .expectEvents(housing("dips", "e1", T1), housing("dips", "e2", T1))
                .expectResultMessagePayload(List.of(FactOutcome.recorded(1, T1), FactOutcome.recorded(2, T1),
                        FactOutcome.full(3)));
    }

    @Test
    void a_coordinator_can_still_acknowledge_on_a_full_pathway() {
        fixture.given(housing("dips", "e0", T0), housing("dips", "e1", T0))
                .when(recordAtMost(2, acknowledgement("kommune", "a1", null), housing("dips", "e2", null)))
                .expectEvents(acknowledgement("kommune", "a1", T1))
                .expectResultMessagePayload(List.of(FactOutcome.recorded(2, T1), FactOutcome.full(2)));
    }
}
