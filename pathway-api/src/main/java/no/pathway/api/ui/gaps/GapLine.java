package no.pathway.api.ui.gaps;

import no.pathway.projections.engine.GapStatus;

/**
 * One gap as a page shows it, in the reader's language and Europe/Oslo time. Never a person's identity: the
 * pathway is its pseudonym, in a link.
 *
 * @param sentence     what happened, what is missing and by when ("Avrusning avsluttet for 10 t siden, ingen
 *                     behandlingstime innen 24 t, 14 t igjen")
 * @param setting      the service where it started, or null where the gap record does not tell it
 * @param statusColor  the Designsystemet colour of the status tag
 * @param due          the due time, formatted; {@code dueIso} the instant for {@code <time datetime>}
 */
public record GapLine(String gapId, String pathwayId, String sentence, String rule, String setting,
                      String municipality, GapStatus status, String statusLabel, String statusColor, String due,
                      String dueIso, String acknowledgement) {
}
