package no.pathway.api.ui.gaps;

import no.pathway.projections.engine.GapStatus;

/**
 * One gap as a page shows it, in the reader's language and Europe/Oslo time. Never a person's identity: the
 * pathway is its pseudonym, in a link.
 *
 * @param what         what happened and what is missing ("Avrusning avsluttet for 10 t siden, ingen
 *                     behandlingstime innen 24 t"), or how it ended
 * @param when         by when: time left or overdue ("14 t igjen"), empty once resolved
 * @param setting      the service where it started, or in words what is known of it
 * @param statusColor  the Designsystemet colour of the status tag
 * @param due          the due time, formatted; {@code dueIso} the instant for {@code <time datetime>}
 */
public record GapLine(String gapId, String pathwayId, String what, String when, String rule, String setting,
                      String municipality, GapStatus status, String statusLabel, String statusColor, String due,
                      String dueIso, String acknowledgement) {

    /** The whole sentence: "Avrusning avsluttet for 10 t siden, ingen behandlingstime innen 24 t, 14 t igjen". */
    public String sentence() {
        return when.isEmpty() ? what : what + ", " + when;
    }
}
