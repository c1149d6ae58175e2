package no.pathway.api.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Builds event bodies as a source system would post them. */
public final class Events {
    private Events() {
    }

    public static Map<String, Object> event(String type, String personId, String occurredAt, Object... fields) {
        Map<String, Object> event = new LinkedHashMap<>();
        // letters only: a UUID's digit runs split by hyphens now and then spell a plausible identity number, which
        // the edge rightly refuses (400); one in several thousand ids did, and a 10,000-event test met one
        event.put("eventId", "t-" + letters());
        event.put("type", type);
        event.put("personId", personId);
        event.put("occurredAt", occurredAt);
        for (int i = 0; i < fields.length; i += 2) {
            event.put((String) fields[i], fields[i + 1]);
        }
        return event;
    }

    public static Map<String, Object> housing(String personId, String occurredAt, String housing) {
        return event("HOUSING_RECORDED", personId, occurredAt, "housing", housing);
    }

    private static String letters() {
        char[] id = new char[24];
        for (int i = 0; i < id.length; i++) {
            id[i] = (char) ('a' + ThreadLocalRandom.current().nextInt(26));
        }
        return new String(id);
    }
}
