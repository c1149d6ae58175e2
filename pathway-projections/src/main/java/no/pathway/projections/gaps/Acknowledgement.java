package no.pathway.projections.gaps;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.pathway.core.event.GapAcknowledged;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.engine.Seen;

/** A coordinator's latest acknowledgement of a gap: when, by whom (token subject), and what they are doing. */
public record Acknowledgement(Instant at, String by, String note) {

    /** The latest acknowledgement per gap id among what was seen at (at, knownAt); retracted ones excluded. */
    public static Map<String, Acknowledgement> latest(List<PathwayEvent> recordedOrder, Instant at, Instant knownAt) {
        Map<String, Acknowledgement> latest = new HashMap<>();
        for (Seen.Fact<PathwayEvent> f : Seen.of(recordedOrder, at, knownAt).all()) {
            if (f.event() instanceof GapAcknowledged a) {
                latest.put(a.gapId(), new Acknowledgement(a.occurredAt(), a.acknowledgedBy(), a.note()));
            }
        }
        return latest;
    }
}
