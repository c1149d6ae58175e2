package no.pathway.api.pathway;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import no.pathway.api.ingest.IngestProperties;
import no.pathway.api.ingest.PathwayIds;
import no.pathway.api.web.InvalidRequest;
import no.pathway.api.web.JsonBody;
import no.pathway.api.web.NotFound;
import no.pathway.core.value.PersonId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Finding a pathway by person (the number travels in the body only) and reading its history. */
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

    private final PathwayHistory history;
    private final PathwayIds pathwayIds;
    private final JsonBody json;
    private final IngestProperties ingest;

    PathwaysController(PathwayHistory history, PathwayIds pathwayIds, JsonBody json, IngestProperties ingest) {
        this.history = history;
        this.pathwayIds = pathwayIds;
        this.json = json;
        this.ingest = ingest;
    }

    @PostMapping(path = "/lookup", consumes = "application/json")
    public Lookup lookup(HttpServletRequest request) {
        JsonNode body = json.read(request, MAX_LOOKUP_BYTES);
        JsonNode personId = body.isObject() ? body.get("personId") : null;
        if (personId == null || !personId.isString()) {
            throw new InvalidRequest("personId", "is required: a string of 11 digits");
        }
        PersonId.problem(personId.stringValue(), ingest.acceptSyntheticPersonIds()).ifPresent(p -> {
            throw new InvalidRequest("personId", p);
        });
        String pathwayId = pathwayIds.of(PersonId.of(personId.stringValue(), ingest.acceptSyntheticPersonIds()));
        if (!history.exists(pathwayId)) {
            throw new NotFound("No pathway has events for this person.");
        }
        return new Lookup(pathwayId);
    }

    @GetMapping("/{pathwayId}/history")
    public History history(@PathVariable String pathwayId) {
        List<PathwayHistory.Entry> entries = PathwayIds.isWellFormed(pathwayId) ? history.entries(pathwayId) : List.of();
        if (entries.isEmpty()) {
            throw new NotFound("No such pathway.");
        }
        Set<String> retracted = PathwayHistory.retracted(entries);
        return new History(pathwayId, entries.stream().map(e -> {
            var fact = e.fact();
            ObjectNode data = json.mapper().valueToTree(fact);
            data.remove("meta");
            return new HistoryEntry(e.sequence(), fact.eventId(), fact.meta().source(), fact.type().name(),
                    fact.occurredAt(), fact.recordedAt(),
                    retracted.contains(PathwayHistory.key(fact.meta().source(), fact.eventId())), data);
        }).toList());
    }
}
