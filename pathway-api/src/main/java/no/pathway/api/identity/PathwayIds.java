package no.pathway.api.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.pathway.api.http.InvalidRequest;
import no.pathway.core.value.PersonId;
import tools.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Derives the opaque pathway id from a person id with HMAC-SHA-256 under a configured secret: posting needs no
 * lookup table, and the store holds no national identity numbers. Without the secret the id cannot be linked
 * back to a person by trying all birth numbers.
 */
@Component
public class PathwayIds {
    /** 32 bytes in unpadded base64url. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    /**
     * One keyed MAC per thread, reused: a provider lookup and a key set-up for every event cost 2 % of the CPU in
     * ingest (docs/performance.md). {@code doFinal} leaves the MAC ready for the next input under the same key.
     */
    private final ThreadLocal<Mac> macs;

    public PathwayIds(@Value("${pathway.pseudonym.secret}") String secret) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
        macs.get();
    }

    public String of(PersonId person) {
        byte[] digest = macs.get().doFinal(person.digits().getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /**
     * The pathway id of the person named in a lookup body {@code {"personId": "..."}}: the number travels in a
     * body only, never in a URL. Invalid input is a 400 naming {@code personId}, never quoting it.
     */
    public String ofLookup(JsonNode body, boolean acceptSynthetic) {
        JsonNode personId = body.isObject() ? body.get("personId") : null;
        if (personId == null || !personId.isString()) {
            throw new InvalidRequest("personId", "is required: a string of 11 digits");
        }
        PersonId.problem(personId.stringValue(), acceptSynthetic).ifPresent(p -> {
            throw new InvalidRequest("personId", p);
        });
        return of(PersonId.of(personId.stringValue(), acceptSynthetic));
    }

    public static boolean isWellFormed(String pathwayId) {
        return pathwayId != null && FORMAT.matcher(pathwayId).matches();
    }
}
