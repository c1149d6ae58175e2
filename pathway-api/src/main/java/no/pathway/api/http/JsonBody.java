package no.pathway.api.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Component;

/**
 * Reads request bodies as JSON trees, strictly: a size cap enforced while reading (not trusted from
 * Content-Length), duplicate keys rejected (two "personId" keys must not let a validator and a store see
 * different values), shallow nesting, no trailing content. Parser messages are never passed on: they quote input.
 */
@Component
public class JsonBody {
    private static final int MAX_NESTING = 16;

    private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING)
                            .maxStringLength(64 * 1024)
                            .maxNumberLength(32)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public JsonNode read(HttpServletRequest request, long limit) {
        byte[] bytes = readAtMost(request, limit);
        if (bytes.length == 0) {
            throw new InvalidRequest("(body)", "is empty; a JSON object is required");
        }
        try {
            return mapper.readTree(bytes);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new InvalidRequest("(body)", "is not valid JSON or breaks a structural limit" + where);
        }
    }

    public JsonMapper mapper() {
        return mapper;
    }

    private static byte[] readAtMost(HttpServletRequest request, long limit) {
        if (request.getContentLengthLong() > limit) {
            throw new BodyTooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) limit + 1);
            if (bytes.length > limit) {
                throw new BodyTooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidRequest("(body)", "could not be read");
        }
    }
}
