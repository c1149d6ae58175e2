package no.pathway.api.pathway;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Set;
import no.pathway.api.ingest.IngestProperties;
import no.pathway.api.identity.PathwayIds;
import no.pathway.api.audit.AccessLog;
import no.pathway.api.security.Caller;
import no.pathway.api.security.PathwayAccess;
import no.pathway.api.security.Role;
import no.pathway.api.http.Forbidden;
import no.pathway.api.http.JsonBody;
import no.pathway.api.http.NotFound;
import no.pathway.api.gaps.GapView;
import no.pathway.api.http.QueryParameters;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.engine.GapStatus;
import no.pathway.projections.gaps.Acknowledgement;
import no.pathway.projections.gaps.FollowUp;
import no.pathway.projections.gaps.GapRows;
import no.pathway.projections.summary.PathwaySummaries;
import no.pathway.projections.summary.PathwaySummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A pathway: finding it by person (the number travels in the body only), its summary, history and gaps. */
@RestController
@RequestMapping("/api/v1/pathways")
public class PathwaysController {
    private static final long MAX_LOOKUP_BYTES = 1024;

    public record Lookup(String pathwayId) {
    }

    public record HistoryEntry(long sequence, String eventId, String source, String type, Instant occurredAt,
                               Instant recordedAt, boolean retracted, JsonNode data) {
    }

    public record History(String pathwayId, List<HistoryEntry> events) {
    }

    public record Gaps(String pathwayId, Instant at, Instant knownAt, List<GapView> gaps) {
    }

    /** The current summary of a pathway and its gaps due or overdue now. */
    public record Summary(String pathwayId, String municipality, List<PathwaySummary.Episode> activeEpisodes,
                          PathwaySummary.HousingState latestHousing, List<PathwaySummary.Contact> contacts,
                          long prospectiveGaps, long openGaps, Instant lastEventAt, int eventCount) {
    }

    private final PathwayHistory history;
    private final PathwayIds pathwayIds;
    private final JsonBody json;
    private final IngestProperties ingest;
    private final GapEngine engine;
    private final PathwaySummaries summaries;
    private final GapRows gapRows;
    private final Clock clock;
    private final PathwayAccess access;
    private final AccessLog accessLog;

    PathwaysController(PathwayHistory history, PathwayIds pathwayIds, JsonBody json, IngestProperties ingest,
                       GapEngine engine, PathwaySummaries summaries, GapRows gapRows, Clock clock,
                       PathwayAccess access, AccessLog accessLog) {
        this.access = access;
        this.accessLog = accessLog;
        this.history = history;
        this.pathwayIds = pathwayIds;
        this.json = json;
        this.ingest = ingest;
        this.engine = engine;
        this.summaries = summaries;
        this.gapRows = gapRows;
        this.clock = clock;
    }

    @GetMapping("/{pathwayId}")
    public Summary summary(@PathVariable String pathwayId, Caller caller) {
        access.requireVisible(caller, pathwayId);
        PathwaySummary s = (PathwayIds.isWellFormed(pathwayId) ? summaries.find(pathwayId) : Optional.<PathwaySummary>empty())
                .orElseThrow(() -> new NotFound(PathwayAccess.NO_SUCH_PATHWAY));
        accessLog.record(caller, List.of(pathwayId));
        Instant now = clock.instant();
        Map<GapStatus, Long> counts = gapRows.ofPathway(pathwayId).stream().filter(g -> access.seesGap(caller, g))
                .collect(Collectors.groupingBy(g -> g.statusAt(now), Collectors.counting()));
        return new Summary(pathwayId, s.municipality(), s.activeEpisodes(), s.housing(), s.contacts(),
                counts.getOrDefault(GapStatus.PROSPECTIVE, 0L), counts.getOrDefault(GapStatus.OPEN, 0L),
                s.lastEventAt(), s.eventCount());
    }

    /** Every gap of the pathway judged at {@code at} from what was recorded by {@code knownAt}, from the event store. */
    @GetMapping("/{pathwayId}/gaps")
    public Gaps gaps(@PathVariable String pathwayId, @RequestParam(required = false) String at,
                     @RequestParam(required = false) String knownAt, Caller caller) {
        if (knownAt != null && !caller.is(Role.AUDITOR)) {
            throw new Forbidden("knownAt (what the service knew then) is for auditors.");
        }
        access.requireVisible(caller, pathwayId);
        Instant now = clock.instant();
        QueryParameters q = new QueryParameters();
        Instant when = q.instant("at", at, now);
        Instant known = q.instant("knownAt", knownAt, now);
        q.done();
        List<PathwayEvent> events = history.facts(pathwayId);
        accessLog.record(caller, List.of(pathwayId));
        Map<String, Acknowledgement> acks = Acknowledgement.latest(events, when, known);
        Map<String, FollowUp> followUps = FollowUp.of(events, when, known);
        return new Gaps(pathwayId, when, known, engine.evaluate(pathwayId, events, when, known).stream()
                .filter(g -> access.seesGap(caller, g))
                .sorted(Comparator.comparing(Gap::dueAt).thenComparing(Gap::gapId))
                .map(g -> GapView.of(g, when, acks.get(g.gapId()), followUps.get(g.gapId()))).toList());
    }

    @PostMapping(path = "/lookup", consumes = "application/json")
    public Lookup lookup(HttpServletRequest request, Caller caller) {
        String pathwayId = pathwayIds.ofLookup(json.read(request, MAX_LOOKUP_BYTES), ingest.acceptSyntheticPersonIds());
        boolean found = history.exists(pathwayId) && access.visible(caller, pathwayId);
        accessLog.record(caller, found ? List.of(pathwayId) : List.of());
        if (!found) {
            throw new NotFound("No pathway has events for this person.");
        }
        return new Lookup(pathwayId);
    }

    @GetMapping("/{pathwayId}/history")
    public History history(@PathVariable String pathwayId, Caller caller) {
        List<PathwayHistory.Entry> entries = history.existing(pathwayId);
        accessLog.record(caller, List.of(pathwayId));
        Set<String> retracted = PathwayHistory.retracted(entries);
        return new History(pathwayId, entries.stream().map(e -> {
            var fact = e.fact();
            ObjectNode data = json.mapper().valueToTree(fact);
            data.remove("meta");
            return new HistoryEntry(e.sequence(), fact.eventId(), fact.meta().source(), fact.type().name(),
                    fact.occurredAt(), fact.recordedAt(),
                    retracted.contains(fact.key()), data);
        }).toList());
    }
}
