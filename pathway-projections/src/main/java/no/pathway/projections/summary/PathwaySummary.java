package no.pathway.projections.summary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.pathway.core.event.ContactAssigned;
import no.pathway.core.event.ContactRole;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.Housing;
import no.pathway.core.event.HousingRecorded;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.Seen;

/**
 * A pathway as it stands: home municipality, episodes under way, latest housing, contacts. Judged from every
 * recorded fact except retracted ones, in order of occurrence, like the gap rules.
 */
public record PathwaySummary(
        String municipality,
        List<Episode> activeEpisodes,
        HousingState housing,
        List<Contact> contacts,
        Instant lastEventAt,
        int eventCount) {

    /** An episode that started and has not ended. */
    public record Episode(String episodeId, Setting setting, String provider, Instant startedAt) {
    }

    /** The latest housing record. */
    public record HousingState(Housing housing, Instant recordedFor) {
    }

    /** The latest contact assigned per setting and role. */
    public record Contact(Setting setting, ContactRole role, Instant assignedAt) {
    }

    public static PathwaySummary of(List<PathwayEvent> recordedOrder) {
        Seen seen = Seen.of(recordedOrder, Instant.MAX, Instant.MAX);
        Map<String, Episode> active = new LinkedHashMap<>();
        Map<String, Contact> contacts = new LinkedHashMap<>();
        HousingState housing = null;
        Instant last = null;
        for (Seen.Fact<PathwayEvent> f : seen.all()) {
            PathwayEvent e = f.event();
            last = f.occurredAt();
            if (e instanceof EpisodeStarted s) {
                active.put(s.episodeId(), new Episode(s.episodeId(), s.setting(), s.provider(), s.occurredAt()));
            } else if (e instanceof EpisodeEnded end) {
                active.remove(end.episodeId());
            } else if (e instanceof HousingRecorded h) {
                housing = new HousingState(h.housing(), h.occurredAt());
            } else if (e instanceof ContactAssigned c) {
                contacts.put(c.setting() + " " + c.role(), new Contact(c.setting(), c.role(), c.occurredAt()));
            }
        }
        return new PathwaySummary(seen.municipality(), new ArrayList<>(active.values()), housing,
                new ArrayList<>(contacts.values()), last, recordedOrder.size());
    }
}
