package no.pathway.api.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds event bodies as a source system would post them. */
public final class Events {
    private Events() {
    }

    public static Map<String, Object> event(String type, String personId, String occurredAt, Object... fields) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", "t-" + UUID.randomUUID());
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
}
