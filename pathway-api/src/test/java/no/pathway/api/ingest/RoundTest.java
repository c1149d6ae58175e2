package no.pathway.api.ingest;

import static no.pathway.api.ingest.QueuedEvents.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.pathway.api.http.FieldProblem;
import no.pathway.core.pathway.FactOutcome;
import org.junit.jupiter.api.Test;

class RoundTest {
    private static final Instant AT = Instant.parse("2026-03-02T12:00:01Z");

    @Test
    void a_retry_is_answered_from_its_receipt_and_other_content_under_its_key_is_a_conflict() {
        Receipt earlier = new Receipt("e1", "p1", 4, AT);
        List<WriteQueue.Item> items = List.of(item("src", "e1", "p1"), item("src", "e2", "p1", "other content"));
        Map<Receipts.Key, Receipts.Stored> existing = Map.of(
                new Receipts.Key("src", "e1"), new Receipts.Stored(earlier, "hash-e1"),
                new Receipts.Key("src", "e2"), new Receipts.Stored(new Receipt("e2", "p1", 5, AT), "hash-e2"));

        Round round = Round.judge(items, existing);
        Round.Written written = round.recorded(Map.of());

        assertThat(round.eventsByPathway()).isEmpty();
        assertThat(written.outcomes()).containsExactly(new IngestOutcome.Stored(earlier, false),
                new IngestOutcome.Conflict("e2"));
        assertThat(written.receipts()).isEmpty();
        assertThat(written.firstNewSequence()).isEmpty();
        assertThat(written.persons()).isEmpty();
    }

    @Test
    void new_events_are_recorded_per_pathway_in_their_order() {
        List<WriteQueue.Item> items = List.of(item("src", "a", "p2"), item("src", "b", "p1"),
                item("src", "c", "p2"));

        Round round = Round.judge(items, Map.of());

        assertThat(round.eventsByPathway()).containsOnlyKeys("p2", "p1");
        assertThat(round.eventsByPathway().keySet()).containsExactly("p2", "p1");
        assertThat(round.eventsByPathway().get("p2")).extracting(f -> f.eventId()).containsExactly("a", "c");
    }

    @Test
    void what_was_recorded_gets_a_receipt_a_chain_link_from_its_first_sequence_and_its_person_kept() {
        List<WriteQueue.Item> items = List.of(item("src", "a", "p1"), item("src", "b", "p1"),
                item("src", "c", "p2"));
        Round round = Round.judge(items, Map.of());

        Round.Written written = round.recorded(Map.of(
                "p1", List.of(FactOutcome.recorded(7, AT), FactOutcome.recorded(8, AT)),
                "p2", List.of(FactOutcome.recorded(0, AT))));

        Receipt a = new Receipt("a", "p1", 7, AT);
        assertThat(written.outcomes()).containsExactly(new IngestOutcome.Stored(a, true),
                new IngestOutcome.Stored(new Receipt("b", "p1", 8, AT), true),
                new IngestOutcome.Stored(new Receipt("c", "p2", 0, AT), true));
        assertThat(written.receipts()).first().isEqualTo(new Receipts.New("src", a, "hash-a"));
        assertThat(written.receipts()).hasSize(3);
        assertThat(written.firstNewSequence()).isEqualTo(Map.of("p1", 7L, "p2", 0L));
        assertThat(written.persons()).isEqualTo(Map.of("p1", QueuedEvents.PERSON, "p2", QueuedEvents.PERSON));
    }

    @Test
    void a_refused_retraction_is_invalid_and_writes_nothing_for_its_pathway() {
        Round round = Round.judge(List.of(item("src", "r", "p1")), Map.of());

        Round.Written written = round.recorded(Map.of("p1", List.of(FactOutcome.refused("names no event"))));

        assertThat(written.outcomes()).containsExactly(new IngestOutcome.Invalid("r",
                List.of(new FieldProblem("retractedEventId", "names no event"))));
        assertThat(written.receipts()).isEmpty();
        assertThat(written.firstNewSequence()).isEmpty();
        assertThat(written.persons()).isEmpty();
    }
}
