package no.pathway.api.ui.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names for the municipality numbers the demonstration data and the development login use; others show as numbers. */
public final class Municipalities {
    public static final Map<String, String> KNOWN = known();

    private Municipalities() {
    }

    /** "0301 Oslo", or the number alone when its name is not known here. */
    public static String label(String number) {
        String name = number == null ? null : KNOWN.get(number);
        return name == null ? String.valueOf(number) : number + " " + name;
    }

    private static Map<String, String> known() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("0301", "Oslo");
        names.put("4601", "Bergen");
        names.put("5001", "Trondheim");
        names.put("1103", "Stavanger");
        names.put("4204", "Kristiansand");
        names.put("3301", "Drammen");
        return Collections.unmodifiableMap(names);
    }
}
