package no.pathway.api.pathway;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.pathway.api.audit.AccessLog;
import no.pathway.api.audit.EventChain;
import no.pathway.api.http.JsonBody;
import no.pathway.api.http.NotFound;
import no.pathway.api.http.QueryParameters;
import no.pathway.api.identity.PathwayIds;
import no.pathway.api.ingest.IngestProperties;
import no.pathway.api.security.Caller;
import no.pathway.api.security.PathwayAccess;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.engine.Explanation;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.engine.GapRule;
import no.pathway.projections.gaps.GapTimeline;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an auditor needs to reconstruct a case (docs/audit.md). Every call here is itself logged. It lives with the
 * pathway's other calls, above the records it reads ({@link AccessLog}, {@link EventChain}), which every feature
 * writes.
 */
@RestController
@RequestMapping("/api/v1")
public class AuditController {
    private static final int MAX_LOG = 1000;

    /** The access log of one pathway, or of one person who looked. */
    public record AccessLogAnswer(String pathwayId, String subject, List<AccessLog.Entry> entries) {
    }

    /** One stored event as the chain covers it: the stored bytes in base64 and its link. */
    public record ExportedEvent(long sequence, String eventIdentifier, String payloadType, String payloadRevision,
                                String timeStamp, String payload, String metaData, String hash) {
    }

    /**
     * One gap's status changes, and its explanation as judged now (absent when the gap no longer exists now, e.g.
     * its trigger was retracted).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineEntry(String gapId, GapRule rule, String triggeredBy, Instant dueAt,
                                List<GapTimeline.Change> changes, Explanation explanation) {
    }

    /** Everything about a pathway an auditor takes away, verifiable offline (docs/audit.md). */
    public record Export(String pathwayId, Instant exportedAt, String exportedBy, String algorithm, String genesis,
                         EventChain.Verification verification, List<ExportedEvent> events,
                         List<TimelineEntry> gapTimeline) {
    }

    private final EventChain chain;
    private final AccessLog accessLog;
    private final PathwayHistory history;
    private final GapEngine engine;
    private final PathwayIds pathwayIds;
    private final IngestProperties ingest;
    private final JsonBody json;
    private final Clock clock;

    AuditController(EventChain chain, AccessLog accessLog, PathwayHistory history, GapEngine engine,
                    PathwayIds pathwayIds, IngestProperties ingest, JsonBody json, Clock clock) {
        this.chain = chain;
        this.accessLog = accessLog;
        this.history = history;
        this.engine = engine;
        this.pathwayIds = pathwayIds;
        this.ingest = ingest;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/pathways/{pathwayId}/verify")
    public EventChain.Verification verify(@PathVariable String pathwayId, Caller caller) {
        history.existing(pathwayId);
        accessLog.record(caller, List.of(pathwayId));
        return chain.verify(pathwayId);
    }

    /** Each gap's status changes with the event (or deadline) that caused each. */
    @GetMapping("/pathways/{pathwayId}/gaps/timeline")
    public List<TimelineEntry> timeline(@PathVariable String pathwayId, Caller caller) {
        List<PathwayEvent> events = history.facts(pathwayId);
        accessLog.record(caller, List.of(pathwayId));
        return timelineOf(pathwayId, events, clock.instant());
    }

    @GetMapping("/pathways/{pathwayId}/export")
    public Export export(@PathVariable String pathwayId, Caller caller) {
        List<PathwayEvent> events = history.facts(pathwayId);
        accessLog.record(caller, List.of(pathwayId));
        Instant now = clock.instant();
        Base64.Encoder base64 = Base64.getEncoder();
        List<ExportedEvent> stored = chain.stored(pathwayId).stream().map(e -> new ExportedEvent(e.sequence(),
                e.eventIdentifier(), e.payloadType(), e.payloadRevision(), e.timeStamp(),
                base64.encodeToString(e.payload()), e.metaData() == null ? "" : base64.encodeToString(e.metaData()),
                e.hash())).toList();
        return new Export(pathwayId, now, caller.subject(), "SHA-256", EventChain.GENESIS,
                chain.verify(pathwayId), stored, timelineOf(pathwayId, events, now));
    }

    /** The gap timeline, each entry with its gap's explanation as judged {@code now}: the API's and the export's. */
    private List<TimelineEntry> timelineOf(String pathwayId, List<PathwayEvent> events, Instant now) {
        Map<String, Gap> gapsNow = engine.evaluate(pathwayId, events, now, now).stream()
                .collect(Collectors.toMap(Gap::gapId, g -> g));
        return GapTimeline.of(engine, pathwayId, events).stream().map(entry -> {
            Gap gap = gapsNow.get(entry.gapId());
            return new TimelineEntry(entry.gapId(), entry.rule(), entry.triggeredBy(), entry.dueAt(), entry.changes(),
                    gap == null ? null : Explanation.of(gap, gap.statusAt(now)));
        }).toList();
    }

    /** Who read this pathway: the patient's right to know who accessed their record. */
    @GetMapping("/pathways/{pathwayId}/access-log")
    public AccessLogAnswer accessLogOf(@PathVariable String pathwayId, Caller caller) {
        if (!PathwayIds.isWellFormed(pathwayId)) {
            throw new NotFound(PathwayAccess.NO_SUCH_PATHWAY);
        }
        accessLog.record(caller, List.of(pathwayId));
        return new AccessLogAnswer(pathwayId, null, accessLog.forPathway(pathwayId, MAX_LOG));
    }

    /** The same, found by the person's number in the body (never in a URL). */
    @PostMapping(path = "/audit/access-log/by-person", consumes = "application/json")
    public AccessLogAnswer accessLogOfPerson(HttpServletRequest request, Caller caller) {
        String pathwayId = pathwayIds.ofLookup(json.read(request, 1024), ingest.acceptSyntheticPersonIds());
        accessLog.record(caller, List.of(pathwayId));
        return new AccessLogAnswer(pathwayId, null, accessLog.forPathway(pathwayId, MAX_LOG));
    }

    /** What one person (token subject) looked at. */
    @GetMapping("/audit/access-log")
    public AccessLogAnswer accessLogBySubject(@RequestParam(required = false) String subject,
                                              @RequestParam(required = false) String from,
                                              @RequestParam(required = false) String to,
                                              @RequestParam(required = false) String limit, Caller caller) {
        QueryParameters q = new QueryParameters();
        String who = q.text("subject", subject, 255, "is required: the token subject of the person who looked");
        Instant end = q.instantOrDate("to", to, clock.instant());
        Instant start = q.instantOrDate("from", from, Instant.EPOCH);
        int size = q.integer("limit", limit, MAX_LOG, 1, MAX_LOG);
        q.done();
        List<AccessLog.Entry> entries = accessLog.bySubject(who, start, end, size);
        accessLog.record(caller, entries.stream().flatMap(e -> e.pathwayIds().stream())
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        return new AccessLogAnswer(null, who, entries);
    }
}
