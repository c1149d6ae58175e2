package no.pathway.core.event;

import org.axonframework.serialization.Revision;

/** CONTACT_ASSIGNED: a coordinator or contact person in a setting. */
@Revision("1")
public record ContactAssigned(EventMeta meta, Setting setting, ContactRole role) implements PathwayEvent {
    @Override
    public ContactAssigned withMeta(EventMeta other) {
        return new ContactAssigned(other, setting, role);
    }
}
