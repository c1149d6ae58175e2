package no.pathway.projections.engine;

/** Why a gap stopped applying. */
public enum Exclusion {
    DIED, READMITTED
}
