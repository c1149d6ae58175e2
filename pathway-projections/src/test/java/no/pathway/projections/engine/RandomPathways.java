package no.pathway.projections.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import no.pathway.core.event.Activity;
import no.pathway.core.event.ActivityRecorded;
import no.pathway.core.event.AppointmentBooked;
import no.pathway.core.event.AppointmentCancelled;
import no.pathway.core.event.AppointmentMissed;
import no.pathway.core.event.ContactAssigned;
import no.pathway.core.event.ContactRole;
import no.pathway.core.event.EndReason;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.EventMeta;
import no.pathway.core.event.EventRetracted;
import no.pathway.core.event.HandoverAccepted;
import no.pathway.core.event.HandoverRejected;
import no.pathway.core.event.HandoverSent;
import no.pathway.core.event.Housing;
import no.pathway.core.event.HousingRecorded;
import no.pathway.core.event.OverdoseRecorded;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.PersonDied;
import no.pathway.core.event.Setting;

/**
 * Seeded random pathways that try the engine's corners: few ids (so bookings, handovers and episodes meet),
 * times close together (ties and window edges), events recorded late, early or out of order, retractions
 * (also of retractions), deaths, moves between municipalities. For differential tests against the reference.
 */
public final class RandomPathways {
    public static final Instant T = Instant.parse("2026-03-02T08:00:00Z");
    private static final String[] MUNICIPALITIES = {"0301", "4204"};
    private final Random random;

    public RandomPathways(long seed) {
        this.random = new Random(seed);
    }

    /** About {@code size} events in recorded order. */
    public List<PathwayEvent> next(int size) {
        List<PathwayEvent> events = new ArrayList<>();
        int span = 1 + random.nextInt(400);
        for (int i = 0; i < size; i++) {
            Instant occurred = time(span);
            Instant recorded = switch (random.nextInt(6)) {
                case 0 -> occurred.minus(Duration.ofMinutes(random.nextInt(600)));
                case 1 -> occurred.plus(Duration.ofHours(random.nextInt(200)));
                case 2 -> occurred;
                default -> occurred.plus(Duration.ofMinutes(random.nextInt(120)));
            };
            String source = random.nextInt(8) == 0 ? "other" : "src";
            String municipality = random.nextInt(4) == 0 ? MUNICIPALITIES[random.nextInt(2)] : null;
            EventMeta meta = new EventMeta("x" + i, source, occurred, recorded, municipality, null);
            events.add(event(meta, events));
        }
        events.sort(Comparator.comparing(PathwayEvent::recordedAt));
        for (int swaps = random.nextInt(3); swaps > 0 && events.size() > 1; swaps--) {
            int i = random.nextInt(events.size() - 1);
            events.set(i, events.set(i + 1, events.get(i)));
        }
        return events;
    }

    private Instant time(int spanHours) {
        if (random.nextInt(5) == 0) {
            return T.plus(Duration.ofHours(random.nextInt(Math.max(1, spanHours / 24) + 1) * 24L));
        }
        return T.plus(Duration.ofMinutes(random.nextInt(spanHours * 60)));
    }

    private PathwayEvent event(EventMeta m, List<PathwayEvent> before) {
        Setting setting = Setting.values()[random.nextInt(Setting.values().length)];
        String episode = "e" + random.nextInt(3);
        String appointment = "a" + random.nextInt(4);
        String handover = "h" + random.nextInt(3);
        return switch (random.nextInt(17)) {
            case 0, 1 -> new EpisodeStarted(m, episode, setting, null);
            case 2, 3 -> new EpisodeEnded(m, episode, setting,
                    EndReason.values()[random.nextInt(EndReason.values().length - (random.nextInt(8) == 0 ? 0 : 1))]);
            case 4 -> new HandoverSent(m, handover, setting, Setting.values()[random.nextInt(6)], null);
            case 5 -> new HandoverAccepted(m, handover);
            case 6 -> new HandoverRejected(m, handover, null);
            case 7, 8 -> new AppointmentBooked(m, appointment, setting,
                    m.occurredAt().plus(Duration.ofMinutes(random.nextInt(6000) - 600)), null);
            case 9 -> new AppointmentCancelled(m, appointment);
            case 10 -> new AppointmentMissed(m, appointment);
            case 11 -> new HousingRecorded(m, Housing.values()[random.nextInt(4)]);
            case 12 -> new ActivityRecorded(m, Activity.WORK_TRAINING);
            case 13 -> new ContactAssigned(m, setting, ContactRole.CONTACT_PERSON);
            case 14 -> new OverdoseRecorded(m, random.nextInt(10) == 0);
            case 15 -> random.nextInt(4) == 0 ? new PersonDied(m) : new OverdoseRecorded(m, false);
            default -> before.isEmpty() ? new PersonDied(m)
                    : new EventRetracted(m, before.get(random.nextInt(before.size())).eventId(), "error");
        };
    }
}
