package no.pathway.core.event;

/** Where a person is served. The grouping is the shared definition of the gap rules. */
public enum Setting {
    DETOX, OUTPATIENT, RESIDENTIAL, MUNICIPALITY, NAV, PRISON;

    /** Detox, residential treatment and prison: leaving one is a discharge or a release. */
    public boolean isInstitutional() {
        return this == DETOX || this == RESIDENTIAL || this == PRISON;
    }
}
