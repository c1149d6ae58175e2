package no.pathway.projections.engine;

import java.time.Instant;
import java.util.Comparator;

/** The event that satisfied or excluded a gap, and when it took effect. The earliest wins. */
record Hit(Instant at, int sequence, String eventId) {
    static final Comparator<Hit> EARLIEST = Comparator.comparing(Hit::at).thenComparingInt(Hit::sequence);
}
