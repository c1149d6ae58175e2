package no.pathway.core.event;

/** How a coordinator's attempt to follow a person up went: a short list, so a call log can be read and counted. */
public enum FollowUpOutcome {
    /** The person was reached. */
    REACHED,
    /** No answer, not met. */
    NOT_REACHED,
    /** An appointment was booked for the person. */
    APPOINTMENT_BOOKED,
    /** The person was referred to another service. */
    REFERRED,
    /** Anything else; the note says what. */
    OTHER
}
