package no.pathway.core.event;

public enum Housing {
    OWN, SUPPORTED, TEMPORARY, NONE
}
