package no.pathway.core.event;

public enum ContactRole {
    COORDINATOR, CONTACT_PERSON
}
