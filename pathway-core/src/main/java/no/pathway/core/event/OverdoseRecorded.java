package no.pathway.core.event;

import org.axonframework.serialization.Revision;

/** OVERDOSE_RECORDED. */
@Revision("1")
public record OverdoseRecorded(EventMeta meta, boolean fatal) implements PathwayEvent {
    @Override
    public OverdoseRecorded withMeta(EventMeta other) {
        return new OverdoseRecorded(other, fatal);
    }
}
