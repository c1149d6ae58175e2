package no.pathway.core.event;

import org.axonframework.serialization.Revision;

/** ACTIVITY_RECORDED. */
@Revision("1")
public record ActivityRecorded(EventMeta meta, Activity activity) implements PathwayEvent {
    @Override
    public ActivityRecorded withMeta(EventMeta other) {
        return new ActivityRecorded(other, activity);
    }
}
