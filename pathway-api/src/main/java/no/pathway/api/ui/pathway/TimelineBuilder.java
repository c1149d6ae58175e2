package no.pathway.api.ui.pathway;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.pathway.api.ui.gaps.GapLine;
import no.pathway.api.ui.gaps.GapWording;
import no.pathway.core.event.ActivityRecorded;
import no.pathway.core.event.AppointmentAttended;
import no.pathway.core.event.AppointmentBooked;
import no.pathway.core.event.AppointmentCancelled;
import no.pathway.core.event.AppointmentMissed;
import no.pathway.core.event.ContactAssigned;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.HandoverAccepted;
import no.pathway.core.event.HandoverRejected;
import no.pathway.core.event.HandoverSent;
import no.pathway.core.event.HousingRecorded;
import no.pathway.core.event.OverdoseRecorded;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.PersonDied;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapStatus;
import no.pathway.projections.engine.Seen;
import no.pathway.projections.gaps.FollowUp;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Draws a pathway across the six services: each episode a bar in its service's lane (open-ended ones up to now),
 * appointments, handovers, contacts, housing and activity as marks, overdoses and a death across all lanes; below,
 * each gap's window from trigger to deadline in its status's colour with its follow-up attempts and assignment. The
 * span runs from the first thing shown to the latest of now and the deadlines. Retracted events are left out.
 */
@Component
class TimelineBuilder {
    private static final List<Setting> LANES = List.of(Setting.DETOX, Setting.OUTPATIENT, Setting.RESIDENTIAL,
            Setting.MUNICIPALITY, Setting.NAV, Setting.PRISON);
    /** Ticks at midnight in Oslo, every so many days, so that there are at most this many. */
    private static final int MAX_TICKS = 10;

    private final MessageSource messages;
    private final GapWording wording;

    TimelineBuilder(MessageSource messages, GapWording wording) {
        this.messages = messages;
        this.wording = wording;
    }

    /** A drawing in progress: lanes by setting, gap tracks and table rows with their instants. */
    private final class Drawing {
        final Instant from;
        final Instant to;
        final Locale locale;
        final Map<Setting, List<Timeline.Bar>> bars = new EnumMap<>(Setting.class);
        final Map<Setting, List<Timeline.Mark>> marks = new EnumMap<>(Setting.class);
        final List<String> alarms = new ArrayList<>();
        final List<Map.Entry<Instant, Timeline.Row>> rows = new ArrayList<>();

        Drawing(Instant from, Instant to, Locale locale) {
            this.from = from;
            this.to = to;
            this.locale = locale;
            LANES.forEach(s -> {
                bars.put(s, new ArrayList<>());
                marks.put(s, new ArrayList<>());
            });
        }

        String x(Instant at) {
            double span = Duration.between(from, to).toMillis();
            double offset = Duration.between(from, at).toMillis();
            return percent(Math.max(0, Math.min(100, 100 * offset / span)));
        }

        String width(Instant start, Instant end) {
            double span = Duration.between(from, to).toMillis();
            double length = Duration.between(start, end).toMillis();
            return percent(Math.max(0.6, Math.min(100, 100 * length / span)));
        }

        void mark(Setting lane, Instant at, String kind, String what) {
            marks.get(lane).add(new Timeline.Mark(x(at), kind, time(at) + ": " + what));
            row(at, text("setting." + lane), what);
        }

        void row(Instant at, String lane, String what) {
            rows.add(Map.entry(at, new Timeline.Row(time(at), at.toString(), lane, what)));
        }

        String time(Instant at) {
            return wording.time(at, locale);
        }

        String text(String key, Object... arguments) {
            return messages.getMessage(key, arguments, locale);
        }
    }

    Timeline build(List<PathwayEvent> recordedOrder, List<Gap> gaps, List<GapLine> lines,
                   Map<String, FollowUp> followUps, Map<String, String> assignees, Instant now, Locale locale) {
        List<PathwayEvent> seen = Seen.of(recordedOrder, Instant.MAX, Instant.MAX).all().stream()
                .map(Seen.Fact::event).toList();
        Drawing d = span(seen, gaps, now, locale);
        drawEvents(d, seen, now);
        Map<String, GapLine> lineOf = new HashMap<>();
        lines.forEach(l -> lineOf.put(l.gapId(), l));
        List<Timeline.GapTrack> tracks = new ArrayList<>();
        for (Gap gap : gaps) {
            tracks.add(track(d, gap, lineOf.get(gap.gapId()), followUps.getOrDefault(gap.gapId(), FollowUp.NONE),
                    assignees.get(gap.gapId()), now));
        }
        List<Timeline.Lane> lanes = LANES.stream().map(s -> new Timeline.Lane(d.text("setting." + s), d.bars.get(s),
                d.marks.get(s), d.alarms)).toList();
        List<Timeline.Row> rows = d.rows.stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
        return new Timeline(ticks(d), d.x(now), lanes, tracks, rows);
    }

    private Drawing span(List<PathwayEvent> seen, List<Gap> gaps, Instant now, Locale locale) {
        Instant first = now;
        Instant last = now;
        for (PathwayEvent e : seen) {
            first = min(first, e.occurredAt());
            last = max(last, e.occurredAt());
            if (e instanceof AppointmentBooked b) {
                last = max(last, b.scheduledAt());
            }
        }
        for (Gap g : gaps) {
            first = min(first, g.openedAt());
            last = max(last, g.dueAt());
        }
        Duration margin = Duration.between(first, last).dividedBy(40).plusMinutes(30);
        return new Drawing(first.minus(margin), last.plus(margin), locale);
    }

    private void drawEvents(Drawing d, List<PathwayEvent> seen, Instant now) {
        Map<String, EpisodeStarted> open = new HashMap<>();
        Map<String, Setting> appointments = new HashMap<>();
        Map<String, Setting> handovers = new HashMap<>();
        for (PathwayEvent e : seen) {
            Instant at = e.occurredAt();
            if (e instanceof EpisodeStarted s) {
                open.put(s.episodeId(), s);
                d.row(at, d.text("setting." + s.setting()), d.text("tl.episodeStarted",
                        d.text("setting." + s.setting())));
            } else if (e instanceof EpisodeEnded end) {
                EpisodeStarted start = open.remove(end.episodeId());
                Instant began = start == null ? d.from : start.occurredAt();
                String what = d.text("tl.episodeEnded", d.text("setting." + end.setting()),
                        d.text("endReason." + end.endReason()));
                d.bars.get(end.setting()).add(new Timeline.Bar(d.x(began), d.width(began, at), "episode",
                        d.time(began) + " – " + d.time(at) + ": " + what));
                d.row(at, d.text("setting." + end.setting()), what);
            } else if (e instanceof AppointmentBooked b) {
                appointments.put(b.appointmentId(), b.setting());
                d.mark(b.setting(), b.scheduledAt(), "appointment", d.text("tl.appointmentBooked",
                        d.text("setting." + b.setting()), d.time(b.scheduledAt())));
            } else if (e instanceof AppointmentAttended a) {
                d.mark(appointments.getOrDefault(a.appointmentId(), Setting.OUTPATIENT), at, "appointment",
                        d.text("tl.appointmentAttended"));
            } else if (e instanceof AppointmentMissed a) {
                d.mark(appointments.getOrDefault(a.appointmentId(), Setting.OUTPATIENT), at, "appointment",
                        d.text("tl.appointmentMissed"));
            } else if (e instanceof AppointmentCancelled a) {
                d.mark(appointments.getOrDefault(a.appointmentId(), Setting.OUTPATIENT), at, "appointment",
                        d.text("tl.appointmentCancelled"));
            } else if (e instanceof HandoverSent h) {
                handovers.put(h.handoverId(), h.toSetting());
                d.mark(h.fromSetting(), at, "handover", d.text("tl.handoverSent",
                        d.text("setting." + h.fromSetting()), d.text("setting." + h.toSetting())));
            } else if (e instanceof HandoverAccepted h) {
                d.mark(handovers.getOrDefault(h.handoverId(), Setting.MUNICIPALITY), at, "handover",
                        d.text("tl.handoverAccepted"));
            } else if (e instanceof HandoverRejected h) {
                d.mark(handovers.getOrDefault(h.handoverId(), Setting.MUNICIPALITY), at, "handover",
                        d.text("tl.handoverRejected"));
            } else if (e instanceof HousingRecorded h) {
                d.mark(Setting.MUNICIPALITY, at, "event", d.text("tl.housing", d.text("housing." + h.housing())));
            } else if (e instanceof ActivityRecorded a) {
                d.mark(Setting.NAV, at, "event", d.text("tl.activity", d.text("activity." + a.activity())));
            } else if (e instanceof ContactAssigned c) {
                d.mark(c.setting(), at, "event", d.text("tl.contact",
                        d.text("setting." + c.setting()) + ": " + d.text("contact." + c.role())));
            } else if (e instanceof OverdoseRecorded o) {
                alarm(d, at, d.text(o.fatal() ? "tl.overdoseFatal" : "tl.overdose"));
            } else if (e instanceof PersonDied) {
                alarm(d, at, d.text("tl.died"));
            }
            // coordinators' actions are drawn on their gaps; retractions are already applied
        }
        open.values().forEach(s -> d.bars.get(s.setting()).add(new Timeline.Bar(d.x(s.occurredAt()),
                d.width(s.occurredAt(), max(now, s.occurredAt())), "episode-open",
                d.time(s.occurredAt()) + " –: " + d.text("tl.episodeStarted", d.text("setting." + s.setting())))));
    }

    private static void alarm(Drawing d, Instant at, String what) {
        d.alarms.add(d.x(at));
        d.mark(Setting.MUNICIPALITY, at, "overdose", what);
    }

    private Timeline.GapTrack track(Drawing d, Gap gap, GapLine line, FollowUp work, String assignee, Instant now) {
        String rule = line == null ? gap.rule().name() : line.rule();
        GapStatus status = gap.statusAt(now);
        String lane = d.text("timeline.gaps");
        String windowText = d.text("tl.gapWindow", rule, line == null ? "" : line.statusLabel(),
                d.time(gap.dueAt()));
        Timeline.Bar window = new Timeline.Bar(d.x(gap.openedAt()), d.width(gap.openedAt(), gap.dueAt()),
                "gap-" + (line == null ? "neutral" : line.statusColor()), d.time(gap.openedAt()) + " – "
                + d.time(gap.dueAt()) + ": " + windowText);
        d.row(gap.openedAt(), lane, windowText);
        List<Timeline.Mark> marks = new ArrayList<>();
        if (status == GapStatus.CLOSED) {
            marks.add(new Timeline.Mark(d.x(gap.closedAt()), "closed", d.time(gap.closedAt()) + ": "
                    + d.text("tl.gapClosed", rule)));
            d.row(gap.closedAt(), lane, d.text("tl.gapClosed", rule));
        }
        if (work.assignment() != null) {
            String what = d.text("tl.assigned", rule, assignee);
            marks.add(new Timeline.Mark(d.x(work.assignment().at()), "assigned", d.time(work.assignment().at())
                    + ": " + what));
            d.row(work.assignment().at(), lane, what);
        }
        for (FollowUp.Attempt a : work.attempts()) {
            String what = d.text("tl.attempt", rule, d.text("outcome." + a.outcome()))
                    + (a.note() == null ? "" : " – " + a.note());
            marks.add(new Timeline.Mark(d.x(a.at()), "attempt", d.time(a.at()) + ": " + what));
            d.row(a.at(), lane, what);
        }
        return new Timeline.GapTrack(gap.gapId(), rule, window, marks);
    }

    /** Midnights in Oslo, every n days so that there are at most {@link #MAX_TICKS}. */
    private List<Timeline.Tick> ticks(Drawing d) {
        LocalDate first = d.from.atZone(GapWording.OSLO).toLocalDate().plusDays(1);
        LocalDate last = d.to.atZone(GapWording.OSLO).toLocalDate();
        long days = Math.max(1, ChronoUnit.DAYS.between(first, last) + 1);
        long step = Math.max(1, (days + MAX_TICKS - 1) / MAX_TICKS);
        DateTimeFormatter label = DateTimeFormatter.ofPattern(d.text("time.patternDay"), d.locale);
        List<Timeline.Tick> ticks = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(step)) {
            Instant at = day.atStartOfDay(GapWording.OSLO).toInstant();
            ticks.add(new Timeline.Tick(d.x(at), label.format(day)));
        }
        return ticks;
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
