package no.pathway.projections.engine;

import java.util.Arrays;
import no.pathway.core.event.Setting;

/**
 * The start of a gap record's detail for the rules whose trigger can happen in more than one service, written and
 * read back in this one place: a stored gap keeps the trigger's service only there, and readers want it as data
 * ({@link Explanation.Trigger#setting()}), not as words to search. Reading an unexpected detail (one stored in an
 * earlier wording) gives null, never a wrong service.
 */
final class TriggerDetail {
    private static final String DISCHARGE = "discharge from ";
    private static final String HANDOVER = "handover ";
    private static final String TO = " to ";
    private static final String REJECTED = " (rejected)";

    private TriggerDetail() {
    }

    /** "discharge from PRISON". */
    static String discharge(Setting from) {
        return DISCHARGE + from;
    }

    /** "handover h-1 DETOX to MUNICIPALITY", and " (rejected)" after a rejection. */
    static String handover(String handoverId, Setting from, Setting to, boolean rejected) {
        return HANDOVER + handoverId + " " + from + TO + to + (rejected ? REJECTED : "");
    }

    /** The setting a discharge's detail names, or null. */
    static Setting dischargeSetting(String detail) {
        if (detail == null || !detail.startsWith(DISCHARGE)) {
            return null;
        }
        int end = DISCHARGE.length();
        while (end < detail.length() && (Character.isUpperCase(detail.charAt(end)) || detail.charAt(end) == '_')) {
            end++;
        }
        return setting(detail.substring(DISCHARGE.length(), end));
    }

    /**
     * The setting a handover was sent from, or null. Read from the end: the handover id is the source's, and may
     * itself look like a setting ("PRISON-7").
     */
    static Setting handoverFrom(String detail) {
        if (detail == null || !detail.startsWith(HANDOVER)) {
            return null;
        }
        String rest = detail.endsWith(REJECTED) ? detail.substring(0, detail.length() - REJECTED.length()) : detail;
        int to = rest.lastIndexOf(TO);
        if (to < HANDOVER.length()) {
            return null;
        }
        return setting(rest.substring(rest.lastIndexOf(' ', to - 1) + 1, to));
    }

    private static Setting setting(String name) {
        return Arrays.stream(Setting.values()).filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
}
