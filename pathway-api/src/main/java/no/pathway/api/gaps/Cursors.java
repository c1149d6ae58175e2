package no.pathway.api.gaps;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import no.pathway.core.value.PlausibleInstant;
import no.pathway.projections.gaps.GapFilter;

/** Opaque page cursors: the position (due time, gap id) of the last row served. */
public final class Cursors {
    private Cursors() {
    }

    public static String encode(GapFilter.Cursor cursor) {
        String raw = cursor.dueAt().toString() + '|' + cursor.gapId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or null when {@code token} is not one of ours. */
    public static GapFilter.Cursor decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            Instant due = Instant.parse(raw.substring(0, bar));
            String id = UUID.fromString(raw.substring(bar + 1)).toString();
            // a cursor is opaque, but only to the honest: one forged around an absurd instant is not ours
            return PlausibleInstant.problem(due).isPresent() ? null : new GapFilter.Cursor(due, id);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
