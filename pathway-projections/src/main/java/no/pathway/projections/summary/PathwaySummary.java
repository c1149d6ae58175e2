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
 *
 * @param lastEventAt    when the latest fact that counts occurred (retracted ones do not)
 * @param eventCount     how many events were judged: every stored event of the pathway, retractions included
 * @param lastRecordedAt the latest recorded time of those {@code eventCount} events, retracted or not
 * @param lastOccurredAt the latest time of occurrence of those events, retracted or not: with the two above, whether
 *                       the read model's rows are also what was known at an earlier T (the dashboard at T)
 */
public record PathwaySummary(
        String municipality,
        List<Episode> activeEpisodes,
        HousingState housing,
        List<Contact> contacts,
        Instant lastEventAt,
        int eventCount,
        Instant lastRecordedAt,
        Instant lastOccurredAt) {

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
        Instant lastRecorded = null;
        Instant lastOccurred = null;
        for (PathwayEvent e : recordedOrder) {
            lastRecorded = later(lastRecorded, e.recordedAt());
            lastOccurred = later(lastOccurred, e.occurredAt());
        }
        return new PathwaySummary(seen.municipality(), new ArrayList<>(active.values()), housing,
                new ArrayList<>(contacts.values()), last, recordedOrder.size(), lastRecorded, lastOccurred);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
