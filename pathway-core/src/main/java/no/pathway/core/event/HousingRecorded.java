package no.pathway.core.event;

import org.axonframework.serialization.Revision;

/** HOUSING_RECORDED. */
@Revision("1")
public record HousingRecorded(EventMeta meta, Housing housing) implements PathwayEvent {
    @Override
    public HousingRecorded withMeta(EventMeta other) {
        return new HousingRecorded(other, housing);
    }
}
