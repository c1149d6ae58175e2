package no.pathway.api.security;

/** What a caller may do; granted by token scopes (see SecurityProperties). */
public enum Role {
    /** A source system: posts events. */
    SOURCE,
    /** A coordinator: reads dashboards, summaries and gaps of the municipalities in the token. */
    COORDINATOR,
    /** An auditor: reads histories, as-of evaluations and dashboards for any pathway. */
    AUDITOR,
    /** An operator: health, metrics, read-model rebuilds; no personal data. */
    OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
