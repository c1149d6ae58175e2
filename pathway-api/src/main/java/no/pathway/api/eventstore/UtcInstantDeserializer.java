package no.pathway.api.eventstore;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads the instants of stored events without {@code DateTimeFormatter}; registered in Axon's Jackson serializer
 * ({@link AxonConfiguration#axonJson}), where it replaces Jackson's instant reader for events, snapshots and tokens.
 * Every stored instant was written by {@link Instant#toString()}: {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}. Jackson
 * parses those through {@code DateTimeFormatter.ISO_INSTANT}, which was two fifths of deserializing an event over a
 * national run and a third of the per-pathway gaps call's CPU samples (docs/performance.md, step 17). That form is read
 * here by position; anything else (an offset, a lower-case letter, a leap second, a number, a year past 9999) goes to
 * Jackson's own deserializer, so what was accepted or refused before still is.
 */
public final class UtcInstantDeserializer extends ValueDeserializer<Instant> {
    private static final int[] SCALE = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
            1_000_000_000};

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant instant = parse(parser.getString());
            if (instant != null) {
                return instant;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }

    @Override
    public Class<?> handledType() {
        return Instant.class;
    }

    /** The instant, if {@code text} is a valid instant in {@link Instant#toString()}'s form; otherwise null. */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length == 21 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || length > 20 && text.charAt(19) != '.') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int fractionDigits = length == 20 ? 0 : length - 21;
        int fraction = fractionDigits == 0 ? 0 : digits(text, 20, fractionDigits);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || fraction < 0) {
            return null;
        }
        try {
            // an impossible date or time (February 30th, hour 24, second 60) goes to Jackson, which judges it
            return LocalDateTime.of(year, month, day, hour, minute, second, fraction * SCALE[9 - fractionDigits])
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal value of {@code count} digits from {@code from}, or -1 if any is not an ASCII digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
