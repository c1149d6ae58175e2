package no.pathway.api.ui.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.pathway.api.audit.AccessLog;
import no.pathway.api.pathway.AuditController;
import no.pathway.api.audit.EventChain;
import no.pathway.api.http.NotFound;
import no.pathway.api.identity.PathwayIds;
import no.pathway.api.pathway.PathwayHistory;
import no.pathway.api.security.Caller;
import no.pathway.api.security.PathwayAccess;
import no.pathway.api.security.Role;
import no.pathway.api.ui.gaps.GapLine;
import no.pathway.api.ui.gaps.GapWording;
import no.pathway.api.ui.layout.Navigation;
import no.pathway.api.ui.login.PageRule;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.gaps.Acknowledgement;
import no.pathway.projections.gaps.GapTimeline;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's view of one pathway (docs/audit.md, "Pages"): its gaps as of a chosen {@code at} and {@code knownAt}
 * (what was due then, from what the service knew then), the history with what was known then marked, each gap's
 * status changes with their causes, who looked, the hash chain's verification and the export to take away. Every
 * page read is in the access log before the page is written, like the API's; so is the export.
 */
@Controller
class AuditPathwayController {
    static final String START = "/audit";
    static final String PATHWAY = "/audit/pathways/{pathwayId}";
    private static final int MAX_LOG = 200;

    /** One stored event: when it happened and when it was recorded, and whether it was known and had happened then. */
    record HistoryLine(long sequence, String type, String source, String occurred, String occurredIso,
                       String recorded, String recordedIso, boolean known, boolean retracted) {
    }

    /** One status change of a gap, and why. */
    record ChangeLine(String at, String atIso, String status, String statusColor, String cause) {
    }

    /** One gap's changes. */
    record TimelineLine(String gapId, String rule, String due, List<ChangeLine> changes) {
    }

    /** One read of the pathway by someone. */
    record LookLine(String at, String atIso, String subject, String roles, String call, String purpose) {
    }

    private final PathwayHistory history;
    private final GapEngine engine;
    private final GapWording wording;
    private final AccessLog accessLog;
    private final EventChain chain;
    private final AuditController audit;
    private final MessageSource messages;
    private final Clock clock;

    AuditPathwayController(PathwayHistory history, GapEngine engine, GapWording wording, AccessLog accessLog,
                           EventChain chain, AuditController audit, MessageSource messages, Clock clock) {
        this.history = history;
        this.engine = engine;
        this.wording = wording;
        this.accessLog = accessLog;
        this.chain = chain;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Bean
    static PageRule auditPages() {
        return PageRule.of(Set.of(Role.AUDITOR), START, START + "/**");
    }

    /** Before "find a pathway" (20): an auditor's work starts here, so "/" leads an auditor here. */
    @Bean
    static Navigation auditMenu() {
        return new Navigation(15, START, "nav.audit", Set.of(Role.AUDITOR));
    }

    /** The auditor's start: open a pathway by its reference, or a municipality's dashboard at a time. */
    @GetMapping(START)
    String start(@RequestParam(required = false) String pathway, Locale locale, Model model) {
        if (pathway != null && !pathway.isBlank()) {
            String reference = pathway.strip();
            if (!PathwayIds.isWellFormed(reference)) {
                throw new NotFound(PathwayAccess.NO_SUCH_PATHWAY);
            }
            return "redirect:" + PATHWAY.replace("{pathwayId}", reference);
        }
        model.addAttribute("now", OsloTime.of(clock.instant()).shown(locale));
        model.addAttribute("municipalities", DashboardAtPageController.choices(null));
        return "audit/start";
    }

    @GetMapping(PATHWAY)
    String pathway(@PathVariable String pathwayId, @RequestParam(required = false) String at,
                   @RequestParam(required = false) String knownAt, Caller caller, Locale locale, Model model) {
        Instant now = clock.instant();
        OsloTime atField = OsloTime.parse(at, now);
        OsloTime knownAtField = OsloTime.parse(knownAt, now);
        model.addAttribute("pathwayId", pathwayId);
        model.addAttribute("at", atField.shown(locale));
        model.addAttribute("knownAt", knownAtField.shown(locale));
        model.addAttribute("atError", atField.error());
        model.addAttribute("knownAtError", knownAtField.error());
        if (atField.invalid() || knownAtField.invalid()) {
            // nothing is read: the form again, with what is wrong on its field
            if (!PathwayIds.isWellFormed(pathwayId)) {
                throw new NotFound(PathwayAccess.NO_SUCH_PATHWAY);
            }
            return "audit/pathway";
        }
        Instant when = atField.instant();
        Instant known = knownAtField.instant();
        List<PathwayHistory.Entry> entries = history.existing(pathwayId);
        accessLog.record(caller, List.of(pathwayId));
        List<PathwayEvent> events = entries.stream().map(PathwayHistory.Entry::fact).toList();
        Map<String, Acknowledgement> acks = Acknowledgement.latest(events, when, known);
        List<GapLine> gaps = engine.evaluate(pathwayId, events, when, known).stream()
                .sorted(Comparator.comparing(Gap::dueAt).thenComparing(Gap::gapId))
                .map(g -> wording.line(g, acks.get(g.gapId()), when, locale)).toList();
        Set<String> retracted = PathwayHistory.retracted(entries);
        model.addAttribute("shown", true);
        model.addAttribute("atText", wording.time(when, locale));
        model.addAttribute("knownAtText", wording.time(known, locale));
        model.addAttribute("gaps", gaps);
        model.addAttribute("history", entries.stream().map(e -> historyLine(e, when, known, retracted, locale))
                .toList());
        model.addAttribute("timeline", GapTimeline.of(engine, pathwayId, events).stream()
                .map(t -> timelineLine(t, locale)).toList());
        model.addAttribute("looks", accessLog.forPathway(pathwayId, MAX_LOG).stream()
                .map(l -> new LookLine(wording.time(l.accessedAt(), locale), l.accessedAt().toString(), l.subject(),
                        l.roles(), l.call(), l.purpose())).toList());
        model.addAttribute("verification", chain.verify(pathwayId));
        return "audit/pathway";
    }

    /** The export of {@code GET /api/v1/pathways/{id}/export}, as a file to keep. */
    @GetMapping(PATHWAY + "/export")
    ResponseEntity<AuditController.Export> export(@PathVariable String pathwayId, Caller caller) {
        if (!PathwayIds.isWellFormed(pathwayId)) {
            throw new NotFound(PathwayAccess.NO_SUCH_PATHWAY);
        }
        AuditController.Export export = audit.export(pathwayId, caller);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("pathway-" + pathwayId + ".json").build().toString()).body(export);
    }

    private HistoryLine historyLine(PathwayHistory.Entry e, Instant at, Instant knownAt, Set<String> retracted,
                                    Locale locale) {
        PathwayEvent fact = e.fact();
        boolean known = !fact.recordedAt().isAfter(knownAt) && !fact.occurredAt().isAfter(at);
        return new HistoryLine(e.sequence(), eventType(fact.type().name(), locale), fact.meta().source(),
                wording.time(fact.occurredAt(), locale), fact.occurredAt().toString(),
                wording.time(fact.recordedAt(), locale), fact.recordedAt().toString(), known,
                retracted.contains(fact.key()));
    }

    private TimelineLine timelineLine(GapTimeline.Entry entry, Locale locale) {
        return new TimelineLine(entry.gapId(), text("rule." + entry.rule(), locale),
                wording.time(entry.dueAt(), locale), entry.changes().stream().map(c -> new ChangeLine(
                        wording.time(c.at(), locale), c.at().toString(), text("status." + c.status(), locale),
                        color(c.status().name()), "EVENT".equals(c.cause())
                        ? text("audit.cause.event", locale, eventType(c.eventType(), locale),
                        wording.time(c.occurredAt(), locale), wording.time(c.recordedAt(), locale))
                        : text("audit.cause.deadline", locale))).toList());
    }

    private static String color(String status) {
        return switch (status) {
            case "OPEN" -> "danger";
            case "PROSPECTIVE" -> "warning";
            case "CLOSED" -> "success";
            default -> "neutral";
        };
    }

    /** An event type in words; a type added since these texts were written shows as its name. */
    private String eventType(String type, Locale locale) {
        return messages.getMessage("eventType." + type, null, type, locale);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
