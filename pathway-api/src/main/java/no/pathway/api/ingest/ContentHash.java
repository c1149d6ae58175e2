package no.pathway.api.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import no.pathway.api.http.JsonBody;
import no.pathway.core.event.PathwayEvent;
import org.springframework.stereotype.Component;

/**
 * What tells a retry from a conflict under the same (source, eventId): a hash of the event as recorded, whatever
 * format it was posted in. The same instant written with another offset is the same content; the person is
 * represented by the pathway.
 */
@Component
class ContentHash {
    private final JsonBody json;

    ContentHash(JsonBody json) {
        this.json = json;
    }

    String of(String pathwayId, PathwayEvent event) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(pathwayId.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(json.mapper().writeValueAsString(event).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
