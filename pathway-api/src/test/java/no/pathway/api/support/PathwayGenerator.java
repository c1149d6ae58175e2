package no.pathway.api.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random but plausible pathways, as a source system would post them: stays in detox, residential
 * treatment and prison with discharges (about half without suitable housing), handovers that are accepted,
 * rejected or left unanswered, appointments that are kept, missed, cancelled or rescheduled, readmissions,
 * overdoses, the odd death, corrections by retraction, and some events posted out of order.
 */
public final class PathwayGenerator {
    private static final String[] MUNICIPALITIES = {"0301", "4204", "4601", "5001", "1103", "3301"};
    private static final String[] STAYS = {"DETOX", "DETOX", "RESIDENTIAL", "PRISON"};
    private static final String[] AFTER = {"OUTPATIENT", "MUNICIPALITY", "NAV", "RESIDENTIAL", "DETOX"};
    private static final String[] HOUSING = {"OWN", "SUPPORTED", "TEMPORARY", "NONE"};

    /** One generated pathway: the person and the event bodies in posting order. */
    public record Pathway(String personId, List<Map<String, Object>> events) {
    }

    private final Random random;
    private final Instant end;

    public PathwayGenerator(long seed, Instant end) {
        this.random = new Random(seed);
        this.end = end;
    }

    public Pathway next() {
        String person = TestPersons.from(random);
        String prefix = "gen-" + person.hashCode() + "-" + random.nextInt(1_000_000) + "-";
        List<Map<String, Object>> events = new ArrayList<>();
        Instant t = end.minus(Duration.ofHours(2000 + random.nextInt(4000)));
        String municipality = pick(MUNICIPALITIES);
        int stays = 1 + random.nextInt(3);
        int n = 0;
        for (int stay = 0; stay < stays && t.isBefore(end.minus(Duration.ofHours(400))); stay++) {
            String setting = pick(STAYS);
            String episode = "ep-" + stay;
            Map<String, Object> start = event(prefix + n++, "EPISODE_STARTED", person, t, "episodeId", episode,
                    "setting", setting);
            if (stay == 0) {
                start.put("municipality", municipality);
            }
            events.add(start);
            if (chance(0.6)) {
                events.add(event(prefix + n++, "HANDOVER_SENT", person, t.plus(hours(1, 40)), "handoverId",
                        "adm-" + stay, "fromSetting", setting, "toSetting", "MUNICIPALITY"));
                answer(events, prefix + n++, person, "adm-" + stay, t.plus(hours(41, 80)));
            }
            if (chance(0.4)) {
                events.add(event(prefix + n++, "CONTACT_ASSIGNED", person, t.plus(hours(2, 100)), "setting",
                        "MUNICIPALITY", "role", chance(0.5) ? "COORDINATOR" : "CONTACT_PERSON"));
            }
            Instant discharge = t.plus(hours(setting.equals("DETOX") ? 72 : 300, setting.equals("DETOX") ? 240 : 2000));
            if (chance(0.7)) {
                events.add(event(prefix + n++, "HOUSING_RECORDED", person, discharge.minus(hours(1, 60)),
                        "housing", pick(HOUSING)));
            }
            if (chance(0.6)) {
                String ho = "dis-" + stay;
                events.add(event(prefix + n++, "HANDOVER_SENT", person, discharge.minus(hours(0, 30)),
                        "handoverId", ho, "fromSetting", setting, "toSetting", pick(AFTER)));
                answer(events, prefix + n++, person, ho, discharge.plus(hours(1, 70)));
            }
            if (chance(0.5)) {
                String appointment = "a-" + stay;
                Instant booked = discharge.plus(hours(-48, 30));
                events.add(event(prefix + n++, "APPOINTMENT_BOOKED", person, booked, "appointmentId", appointment,
                        "setting", pick(AFTER), "scheduledAt", iso(booked.plus(hours(2, 90)))));
                double fate = random.nextDouble();
                Instant outcome = booked.plus(hours(3, 100));
                if (fate < 0.2) {
                    events.add(event(prefix + n++, "APPOINTMENT_MISSED", person, outcome, "appointmentId", appointment));
                    if (chance(0.6)) {
                        events.add(event(prefix + n++, "APPOINTMENT_BOOKED", person, outcome.plus(hours(1, 120)),
                                "appointmentId", appointment + "-r", "setting", "OUTPATIENT",
                                "scheduledAt", iso(outcome.plus(hours(130, 200)))));
                    }
                } else if (fate < 0.3) {
                    events.add(event(prefix + n++, "APPOINTMENT_CANCELLED", person, outcome, "appointmentId",
                            appointment));
                } else if (fate < 0.4) {
                    events.add(event(prefix + n++, "APPOINTMENT_BOOKED", person, outcome, "appointmentId",
                            appointment, "setting", "OUTPATIENT", "scheduledAt", iso(outcome.plus(hours(5, 50)))));
                } else {
                    events.add(event(prefix + n++, "APPOINTMENT_ATTENDED", person, outcome, "appointmentId",
                            appointment));
                }
            }
            if (chance(0.3)) {
                events.add(event(prefix + n++, "ACTIVITY_RECORDED", person, discharge.plus(hours(-200, 400)),
                        "activity", "WORK_TRAINING"));
            }
            String reason = setting.equals("PRISON") ? "RELEASED"
                    : chance(0.2) ? "PATIENT_LEFT" : chance(0.1) ? "TRANSFERRED" : "COMPLETED";
            events.add(event(prefix + n++, "EPISODE_ENDED", person, discharge, "episodeId", episode,
                    "setting", setting, "endReason", reason));
            if (chance(0.08)) {
                events.add(event(prefix + n++, "OVERDOSE_RECORDED", person, discharge.plus(hours(5, 200)),
                        "fatal", chance(0.25)));
            }
            if (chance(0.03)) {
                events.add(event(prefix + n++, "PERSON_DIED", person, discharge.plus(hours(10, 300))));
                break;
            }
            t = discharge.plus(hours(chance(0.4) ? 2 : 100, 900));
        }
        events.removeIf(e -> Instant.parse((String) e.get("occurredAt")).isAfter(end));
        if (events.size() > 3 && chance(0.15)) {
            Map<String, Object> target = events.get(1 + random.nextInt(events.size() - 2));
            events.add(event(prefix + n++, "EVENT_RETRACTED", person, Instant.parse((String) target.get("occurredAt"))
                    .plus(hours(1, 5)), "retractedEventId", target.get("eventId"), "reason", "entered in error"));
        }
        shuffleSomeOutOfOrder(events);
        return new Pathway(person, events);
    }

    private void answer(List<Map<String, Object>> events, String eventId, String person, String handoverId,
                        Instant at) {
        double r = random.nextDouble();
        if (r < 0.6) {
            events.add(event(eventId, "HANDOVER_ACCEPTED", person, at, "handoverId", handoverId));
        } else if (r < 0.75) {
            events.add(event(eventId, "HANDOVER_REJECTED", person, at, "handoverId", handoverId,
                    "reason", "not our resident"));
        }
    }

    /** Late arrivals: a few events swap with a neighbour (a retraction always stays after its target). */
    private void shuffleSomeOutOfOrder(List<Map<String, Object>> events) {
        for (int i = 1; i < events.size(); i++) {
            boolean retraction = "EVENT_RETRACTED".equals(events.get(i).get("type"))
                    || "EVENT_RETRACTED".equals(events.get(i - 1).get("type"));
            if (!retraction && chance(0.1)) {
                events.add(i - 1, events.remove(i));
            }
        }
    }

    private Map<String, Object> event(String eventId, String type, String person, Instant at, Object... fields) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", eventId);
        e.put("type", type);
        e.put("personId", person);
        e.put("occurredAt", iso(at));
        for (int i = 0; i < fields.length; i += 2) {
            e.put((String) fields[i], fields[i + 1]);
        }
        return e;
    }

    private Duration hours(int min, int max) {
        return Duration.ofMinutes(60L * min + random.nextInt(Math.max(1, 60 * (max - min))));
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String iso(Instant instant) {
        return instant.toString();
    }
}
