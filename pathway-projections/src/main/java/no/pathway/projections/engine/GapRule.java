package no.pathway.projections.engine;

import java.time.Duration;

/**
 * The names of the rules of gap-rules.md, as stored and as the API shows them. What each rule is and does is its
 * entry in {@link RuleCatalogue}.
 */
public enum GapRule {
    DETOX_NO_TREATMENT_24H,
    DISCHARGE_WITHOUT_HOUSING,
    DISCHARGE_WITHOUT_HANDOVER,
    RELEASE_NO_CONTACT_72H,
    ADMISSION_MUNICIPALITY_NOT_NOTIFIED,
    NO_MUNICIPAL_CONTACT_AT_DISCHARGE,
    NO_ACTIVITY_14D,
    HANDOVER_NOT_ACCEPTED_48H,
    MISSED_APPOINTMENT_NO_REBOOKING_72H,
    OVERDOSE_NO_FOLLOW_UP_48H;

    public Duration defaultDeadline() {
        return RuleCatalogue.of(this).defaultDeadline();
    }

    /** Rules triggered by a community discharge, which a readmission makes not applicable. */
    public boolean excludedByReadmission() {
        return RuleCatalogue.of(this).excludedByReadmission();
    }
}
