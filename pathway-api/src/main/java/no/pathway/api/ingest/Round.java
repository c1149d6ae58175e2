package no.pathway.api.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.http.FieldProblem;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.pathway.FactOutcome;
import no.pathway.core.value.PersonId;

/**
 * One round of a group's transaction, as plain values: the events judged against their receipts (a retry answered
 * from its receipt, other content under a used key a conflict), the rest by pathway for the pathways to record, and
 * from what they recorded the answers, receipts, chain links and persons to write. No database, no Axon.
 */
final class Round {
    /** What the transaction writes after recording, and the answer of each event of the round, in order. */
    record Written(List<IngestOutcome> outcomes, List<Receipts.New> receipts, Map<String, Long> firstNewSequence,
                   Map<String, PersonId> persons) {
    }

    private final List<WriteQueue.Item> items;
    private final IngestOutcome[] outcomes;
    private final Map<String, List<Integer>> toRecord = new LinkedHashMap<>();

    private Round(List<WriteQueue.Item> items) {
        this.items = items;
        this.outcomes = new IngestOutcome[items.size()];
    }

    /** The round's events judged against the receipts stored for their keys (each key at most once in a round). */
    static Round judge(List<WriteQueue.Item> items, Map<Receipts.Key, Receipts.Stored> existing) {
        Round round = new Round(items);
        for (int i = 0; i < items.size(); i++) {
            WriteQueue.Item item = items.get(i);
            Receipts.Stored stored = existing.get(item.key());
            if (stored != null) {
                round.outcomes[i] = stored.contentHash().equals(item.contentHash())
                        ? new IngestOutcome.Stored(stored.receipt(), false)
                        : new IngestOutcome.Conflict(item.eventId());
            } else {
                round.toRecord.computeIfAbsent(item.parsed().pathwayId(), p -> new ArrayList<>()).add(i);
            }
        }
        return round;
    }

    /** The events to record, per pathway in order of first appearance, each pathway's in the round's order. */
    Map<String, List<PathwayEvent>> eventsByPathway() {
        Map<String, List<PathwayEvent>> events = new LinkedHashMap<>();
        toRecord.forEach((pathwayId, indexes) ->
                events.put(pathwayId, indexes.stream().map(i -> items.get(i).parsed().event()).toList()));
        return events;
    }

    /** What to write and answer, given what each pathway made of its events (one outcome per event, in order). */
    Written recorded(Map<String, List<FactOutcome>> recordedByPathway) {
        List<Receipts.New> receipts = new ArrayList<>();
        Map<String, Long> firstNewSequence = new HashMap<>();
        toRecord.forEach((pathwayId, indexes) -> {
            List<FactOutcome> recorded = recordedByPathway.get(pathwayId);
            for (int f = 0; f < indexes.size(); f++) {
                WriteQueue.Item item = items.get(indexes.get(f));
                FactOutcome outcome = recorded.get(f);
                if (outcome.isRecorded()) {
                    Receipt receipt = new Receipt(item.eventId(), pathwayId, outcome.sequence(),
                            outcome.recordedAt());
                    receipts.add(new Receipts.New(item.source(), receipt, item.contentHash()));
                    firstNewSequence.putIfAbsent(pathwayId, outcome.sequence());
                    outcomes[indexes.get(f)] = new IngestOutcome.Stored(receipt, true);
                } else if (outcome.isFull()) {
                    outcomes[indexes.get(f)] = new IngestOutcome.PathwayFull(item.eventId(), outcome.fullAt());
                } else {
                    outcomes[indexes.get(f)] = new IngestOutcome.Invalid(item.eventId(),
                            List.of(new FieldProblem("retractedEventId", outcome.refusal())));
                }
            }
        });
        return new Written(List.of(outcomes), receipts, firstNewSequence,
                persons(firstNewSequence.keySet()));
    }

    /** The person of each pathway that recorded something in this round, for the identity vault. */
    private Map<String, PersonId> persons(Set<String> recordedPathways) {
        Map<String, PersonId> persons = new HashMap<>();
        for (WriteQueue.Item item : items) {
            PersonId person = item.parsed().person();
            if (person != null && recordedPathways.contains(item.parsed().pathwayId())) {
                persons.putIfAbsent(item.parsed().pathwayId(), person);
            }
        }
        return persons;
    }
}
