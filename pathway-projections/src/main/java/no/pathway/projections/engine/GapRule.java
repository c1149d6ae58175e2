package no.pathway.projections.engine;

import java.time.Duration;

/** The ten rules of gap-rules.md (version 2026.1) with their default deadlines. */
public enum GapRule {
    DETOX_NO_TREATMENT_24H(Duration.ofHours(24)),
    DISCHARGE_WITHOUT_HOUSING(Duration.ZERO),
    DISCHARGE_WITHOUT_HANDOVER(Duration.ofHours(24)),
    RELEASE_NO_CONTACT_72H(Duration.ofHours(72)),
    ADMISSION_MUNICIPALITY_NOT_NOTIFIED(Duration.ofHours(24)),
    NO_MUNICIPAL_CONTACT_AT_DISCHARGE(Duration.ZERO),
    NO_ACTIVITY_14D(Duration.ofHours(336)),
    HANDOVER_NOT_ACCEPTED_48H(Duration.ofHours(48)),
    MISSED_APPOINTMENT_NO_REBOOKING_72H(Duration.ofHours(72)),
    OVERDOSE_NO_FOLLOW_UP_48H(Duration.ofHours(48));

    private final Duration defaultDeadline;

    GapRule(Duration defaultDeadline) {
        this.defaultDeadline = defaultDeadline;
    }

    public Duration defaultDeadline() {
        return defaultDeadline;
    }

    /** Rules triggered by a community discharge, which a readmission makes not applicable. */
    public boolean excludedByReadmission() {
        return this == DISCHARGE_WITHOUT_HOUSING || this == DISCHARGE_WITHOUT_HANDOVER
                || this == RELEASE_NO_CONTACT_72H || this == NO_MUNICIPAL_CONTACT_AT_DISCHARGE
                || this == NO_ACTIVITY_14D;
    }
}
