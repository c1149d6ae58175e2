package no.pathway.api.ingest;

import java.util.EnumSet;
import java.util.Set;
import no.pathway.api.security.SourceGrant;
import no.pathway.core.event.FactType;

/**
 * Who records events: the name that keys their idempotency (source, eventId) and is stored as their source, and
 * what it may record.
 *
 * @param name  the client id
 * @param grant what it may record; events outside it are refused, nothing stored
 */
public record Source(String name, SourceGrant grant) {

    /**
     * The service recording a person's action through a client that is not a source system (a coordinator's
     * acknowledgement): granted exactly the types the service records for it.
     */
    public static Source service(String client, FactType type, FactType... more) {
        Set<FactType> types = EnumSet.of(type, more);
        return new Source(client, new SourceGrant(Set.of(), types, Set.of()));
    }
}
