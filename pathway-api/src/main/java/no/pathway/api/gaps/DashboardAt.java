package no.pathway.api.gaps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.RecordedEvents;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.engine.GapStatus;
import no.pathway.projections.gaps.Acknowledgement;
import no.pathway.projections.gaps.FollowUp;
import no.pathway.projections.responsibility.MunicipalityIndex;
import org.springframework.stereotype.Service;

/**
 * What a municipality's dashboard showed at T: every gap of that municipality as the service judged it at T from
 * what it had recorded by T ({@code at = knownAt = T}), from the event store, never from the read models (they hold
 * today's knowledge). The candidates come from the {@link MunicipalityIndex}; each is judged by the same engine
 * evaluation as {@code /pathways/{id}/gaps?at&knownAt}. A pathway whose stored events cannot be read is named in
 * the answer, never silently left out.
 */
@Service
public class DashboardAt {
    /** Pathways read from the store in one query. */
    private static final int CHUNK = 500;

    /** One gap as shown at T, with the acknowledgement known then. */
    public record Shown(Gap gap, Acknowledgement acknowledgement, FollowUp followUp) {
    }

    /**
     * The dashboard at T: the gaps whose status at T is one of those asked for, most urgent first, the count of every
     * status at T, how many pathways were judged, and those that could not be.
     */
    public record Result(List<Shown> gaps, Map<String, Long> counts, int pathwaysJudged, List<String> notJudged) {
    }

    private final MunicipalityIndex index;
    private final RecordedEvents stored;
    private final GapEngine engine;

    DashboardAt(MunicipalityIndex index, RecordedEvents stored, GapEngine engine) {
        this.index = index;
        this.stored = stored;
        this.engine = engine;
    }

    public Result at(String municipality, Instant t, Set<GapStatus> statuses) {
        List<String> candidates = index.candidates(municipality, t);
        List<Shown> shown = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : List.of("PROSPECTIVE", "OPEN", "CLOSED_ON_TIME", "CLOSED_LATE", "NOT_APPLICABLE")) {
            counts.put(status, 0L);
        }
        List<String> notJudged = new ArrayList<>();
        for (int from = 0; from < candidates.size(); from += CHUNK) {
            List<String> chunk = candidates.subList(from, Math.min(candidates.size(), from + CHUNK));
            read(chunk, notJudged).forEach((pathwayId, events) -> {
                Map<String, Acknowledgement> acks = Acknowledgement.latest(events, t, t);
                Map<String, FollowUp> followUps = FollowUp.of(events, t, t);
                for (Gap gap : engine.evaluate(pathwayId, events, t, t)) {
                    if (!municipality.equals(gap.municipality())) {
                        continue;
                    }
                    GapStatus status = gap.statusAt(t);
                    counts.merge(countKey(gap, status), 1L, Long::sum);
                    if (statuses.contains(status)) {
                        shown.add(new Shown(gap, acks.get(gap.gapId()), followUps.get(gap.gapId())));
                    }
                }
            });
        }
        shown.sort(Comparator.comparing((Shown s) -> s.gap().dueAt()).thenComparing(s -> s.gap().gapId()));
        return new Result(shown, counts, candidates.size() - notJudged.size(), notJudged);
    }

    /** The chunk's events; when one pathway's cannot be read, each alone, naming those that fail. */
    private Map<String, List<PathwayEvent>> read(List<String> chunk, List<String> notJudged) {
        try {
            return stored.of(chunk);
        } catch (RuntimeException chunkFailed) {
            Map<String, List<PathwayEvent>> events = new HashMap<>();
            for (String pathwayId : chunk) {
                try {
                    events.putAll(stored.of(List.of(pathwayId)));
                } catch (RuntimeException failed) {
                    notJudged.add(pathwayId);
                }
            }
            return events;
        }
    }

    private static String countKey(Gap gap, GapStatus status) {
        return status == GapStatus.CLOSED ? (gap.late() ? "CLOSED_LATE" : "CLOSED_ON_TIME") : status.name();
    }
}
