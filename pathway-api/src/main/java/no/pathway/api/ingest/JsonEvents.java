package no.pathway.api.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import no.pathway.api.http.InvalidRequest;
import no.pathway.core.value.Identifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The JSON adapter in front of the ingestion port: each posted event read by {@link EventParser} (the field rules of
 * events.md), the invalid ones answered (and counted, {@link IngestMetrics}) here with every bad field named, the valid
 * ones recorded (and counted) through {@link IngestionService#record}. The events are answered in their order, each on
 * its own.
 */
@Component
class JsonEvents {
    private final EventParser parser;
    private final IngestionService ingestion;
    private final IngestMetrics metrics;

    JsonEvents(EventParser parser, IngestionService ingestion, IngestMetrics metrics) {
        this.parser = parser;
        this.ingestion = ingestion;
        this.metrics = metrics;
    }

    List<IngestOutcome> record(Source source, List<JsonNode> events) {
        IngestOutcome[] outcomes = new IngestOutcome[events.size()];
        List<Integer> valid = new ArrayList<>();
        List<ParsedEvent> parsed = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            try {
                parsed.add(parser.parse(events.get(i), source.name()));
                valid.add(i);
            } catch (InvalidRequest e) {
                outcomes[i] = new IngestOutcome.Invalid(readableEventId(events.get(i)), e.problems());
            }
        }
        metrics.counted(Arrays.stream(outcomes).filter(Objects::nonNull).toList());
        List<IngestOutcome> recorded = ingestion.record(source, parsed);
        for (int v = 0; v < valid.size(); v++) {
            outcomes[valid.get(v)] = recorded.get(v);
        }
        return List.of(outcomes);
    }

    private static String readableEventId(JsonNode event) {
        JsonNode id = event == null ? null : event.get("eventId");
        return id != null && id.isString() && Identifier.isValid(id.stringValue()) ? id.stringValue() : null;
    }
}
