package no.pathway.core.event;

public enum EndReason {
    COMPLETED, PATIENT_LEFT, DISCHARGED_FOR_RULE_BREACH, TRANSFERRED, RELEASED, DIED
}
