package no.pathway.projections.engine;

/** The gap states of HL7 Da Vinci DEQM. */
public enum GapStatus {
    /** Not satisfied, still time to act. */
    PROSPECTIVE,
    /** Not satisfied and overdue. */
    OPEN,
    /** Satisfied. */
    CLOSED,
    /** Excluded by death or readmission. */
    NOT_APPLICABLE
}
