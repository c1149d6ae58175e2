package no.pathway.core.event;

import org.axonframework.serialization.Revision;

/** PERSON_DIED. */
@Revision("1")
public record PersonDied(EventMeta meta) implements PathwayEvent {
    @Override
    public PersonDied withMeta(EventMeta other) {
        return new PersonDied(other);
    }
}
