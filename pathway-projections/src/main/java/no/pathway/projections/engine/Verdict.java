package no.pathway.projections.engine;

/**
 * A gap as judged, with the facts behind its state: {@code closure} is set when it is closed (what satisfied it),
 * {@code exclusion} when it is not applicable (the death or readmission that excluded it).
 */
record Verdict(Gap gap, Hit closure, Hit exclusion) {
}
