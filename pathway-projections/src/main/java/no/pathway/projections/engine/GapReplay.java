package no.pathway.projections.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import no.pathway.core.event.AppointmentBooked;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.EventRetracted;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.engine.FactIndex.Pos;
import no.pathway.projections.engine.Seen.Fact;

/**
 * A pathway's gaps as what is known of it grows, one fact at a time: what the timeline needs to show each status
 * change (docs/performance.md, "The timeline"). Judging the whole pathway again at each of its moments cost n
 * squared (issue 12, finding 4); this re-judges only the triggers a change can touch, and finds them through
 * indexes of the gaps' states:
 * <ul>
 *   <li>a fact that can satisfy a rule re-judges only the unresolved gaps of that rule in its reach (a satisfied
 *   gap stays satisfied when more comes in: the earliest satisfaction only gets earlier);</li>
 *   <li>a fact taken away (retracted, or a booking that is no longer live) re-judges the gaps it satisfied or
 *   excluded;</li>
 *   <li>a new first death or a readmission re-judges the unresolved gaps and those satisfied after it;</li>
 *   <li>a few facts change the conditions of other triggers (an institutional start within an hour of an end,
 *   the housing at a discharge, an episode's start, a handover's rejection) and re-judge exactly those.</li>
 * </ul>
 * The rest keep their status, except that an unresolved gap turns OPEN when its deadline passes. Each step's
 * visible facts are exactly those {@link Seen#of} gives for the same known prefix and {@code at}: the property
 * tests compare the timeline built this way with one built by whole judgements.
 */
public final class GapReplay {
    private static final Comparator<State> EVALUATION_ORDER =
            Comparator.<State, Pos>comparing(s -> s.pos).thenComparingInt(s -> s.index);

    /** A gap and what its state rests on. */
    private static final class State {
        private final Pos pos;
        private final GapRule rule;
        private int index;
        private Verdict verdict;

        State(Pos pos, GapRule rule) {
            this.pos = pos;
            this.rule = rule;
        }

        Instant triggeredAt() {
            return pos.at();
        }

        Gap gap() {
            return verdict.gap();
        }
    }

    /** An order of states by one instant of theirs, then by trigger and rule. */
    private record Key(Instant at, Pos pos, int rule) implements Comparable<Key> {
        static Key from(Instant at) {
            return new Key(at, new Pos(Instant.MIN, Integer.MIN_VALUE), -1);
        }

        @Override
        public int compareTo(Key other) {
            int c = at.compareTo(other.at);
            if (c == 0) {
                c = pos.compareTo(other.pos);
            }
            return c != 0 ? c : Integer.compare(rule, other.rule);
        }
    }

    private final List<PathwayEvent> events;
    private final Seen seen = Seen.empty();
    private final GapEngine.Judgement judgement;
    private final Map<GapRule, Reach> reaches = new EnumMap<>(GapRule.class);
    private Instant at = Instant.MIN;
    private int known;
    private final BitSet visible = new BitSet();
    private final TreeMap<Pos, Integer> pending = new TreeMap<>();
    private final Map<String, Integer> retractions = new HashMap<>();
    private final Map<String, Set<Integer>> visibleByKey = new HashMap<>();
    private final Set<Integer> dirty = new LinkedHashSet<>();

    private final Map<String, State> states = new HashMap<>();
    private final Map<Integer, List<State>> byTrigger = new HashMap<>();
    /** Neither satisfied nor excluded, by trigger. */
    private final Map<GapRule, TreeMap<Pos, State>> open = new EnumMap<>(GapRule.class);
    /** Excluded, but a satisfaction before the exclusion would still close it; by the exclusion's time. */
    private final TreeMap<Key, State> excludedAlive = new TreeMap<>();
    /** Satisfied, by the time of the satisfaction. */
    private final TreeMap<Key, State> closed = new TreeMap<>();
    private final Map<Integer, Set<State>> byCloser = new HashMap<>();
    private final Map<Integer, Set<State>> byExcluder = new HashMap<>();
    /** Open gaps whose deadline has not passed yet, by deadline. */
    private final TreeMap<Key, State> notDue = new TreeMap<>();

    public GapReplay(GapEngine engine, String pathwayId, List<PathwayEvent> recordedOrder) {
        this.events = recordedOrder;
        this.judgement = engine.judgement(pathwayId, seen);
        for (GapRule rule : GapRule.values()) {
            open.put(rule, new TreeMap<>());
            reaches.put(rule, new RuleReach(rule, engine.longestDeadline(rule)));
        }
    }

    /** The work done so far: facts looked at and triggers judged. */
    public long work() {
        return seen.work.count();
    }

    /**
     * Moves to what was seen at {@code at} with the first {@code known} events of recorded order known ({@code at}
     * never goes back). Returns the gaps whose status at {@code at} may differ from the last step, in the order of
     * a whole judgement; every other gap there is has the status it had.
     */
    public List<Gap> moveTo(int knownEvents, Instant now) {
        at = now;
        while (known < knownEvents) {
            learn(known++);
        }
        while (known > knownEvents) {
            forget(--known);
        }
        while (!pending.isEmpty() && !pending.firstKey().at().isAfter(at)) {
            reveal(pending.pollFirstEntry().getValue());
        }
        List<State> changed = new ArrayList<>();
        for (int sequence : dirty) {
            rejudge(sequence, changed);
        }
        dirty.clear();
        while (!notDue.isEmpty() && at.isAfter(notDue.firstKey().at())) {
            changed.add(notDue.pollFirstEntry().getValue());
        }
        changed.sort(EVALUATION_ORDER);
        return changed.stream().map(State::gap).toList();
    }

    private void learn(int i) {
        PathwayEvent e = events.get(i);
        if (e.occurredAt().isAfter(at)) {
            pending.put(new Pos(e.occurredAt(), i), i);
        } else {
            reveal(i);
        }
    }

    private void forget(int i) {
        if (visible.get(i)) {
            hide(i);
        } else {
            pending.remove(new Pos(events.get(i).occurredAt(), i));
        }
    }

    private void reveal(int i) {
        visible.set(i);
        PathwayEvent e = events.get(i);
        if (e instanceof EventRetracted r) {
            if (retractions.merge(r.retractedKey(), 1, Integer::sum) == 1) {
                for (int j : visibleByKey.getOrDefault(r.retractedKey(), Set.of())) {
                    unkeep(j);
                }
            }
        } else {
            visibleByKey.computeIfAbsent(e.key(), k -> new HashSet<>()).add(i);
            if (!retractions.containsKey(e.key())) {
                keep(i);
            }
        }
    }

    private void hide(int i) {
        visible.clear(i);
        PathwayEvent e = events.get(i);
        if (e instanceof EventRetracted r) {
            if (retractions.merge(r.retractedKey(), -1, Integer::sum) == 0) {
                retractions.remove(r.retractedKey());
                for (int j : visibleByKey.getOrDefault(r.retractedKey(), Set.of())) {
                    keep(j);
                }
            }
        } else {
            visibleByKey.get(e.key()).remove(i);
            if (!retractions.containsKey(e.key())) {
                unkeep(i);
            }
        }
    }

    private void keep(int i) {
        Fact<PathwayEvent> f = new Fact<>(i, events.get(i));
        String appointment = appointmentOf(f.event());
        Fact<AppointmentBooked> liveBefore = appointment == null ? null : seen.liveOf(appointment);
        seen.add(f);
        touched(f, true, appointment, liveBefore);
    }

    private void unkeep(int i) {
        Fact<PathwayEvent> f = seen.fact(i);
        String appointment = appointmentOf(f.event());
        Fact<AppointmentBooked> liveBefore = appointment == null ? null : seen.liveOf(appointment);
        seen.remove(f);
        touched(f, false, appointment, liveBefore);
    }

    private static String appointmentOf(PathwayEvent e) {
        return e instanceof AppointmentBooked b ? b.appointmentId() : Seen.appointmentId(e);
    }

    /**
     * Marks the triggers whose judgement a fact coming ({@code added}) or going can change: the shared definitions
     * here (the fact's own triggers, what it satisfied or excluded, a death, a transfer, a readmission), the rest
     * as each rule of the catalogue says ({@link Rule#reach}).
     */
    private void touched(Fact<PathwayEvent> x, boolean added, String appointment,
                         Fact<AppointmentBooked> liveBefore) {
        PathwayEvent e = x.event();
        Instant t = x.occurredAt();
        dirty.add(x.sequence());
        if (!added) {
            dirty(byCloser.get(x.sequence()));
            dirty(byExcluder.get(x.sequence()));
        }
        if (appointment != null) {
            Fact<AppointmentBooked> liveAfter = seen.liveOf(appointment);
            if (liveBefore != liveAfter) {
                if (liveBefore != null) {
                    dirty(byCloser.get(liveBefore.sequence()));
                }
                if (liveAfter != null) {
                    for (Rule rule : RuleCatalogue.all()) {
                        rule.reachOfLiveBooking(liveAfter, reaches.get(rule.id()));
                    }
                }
            }
        }
        if (Seen.isDeath(e) && added && seen.death() == x) {
            for (GapRule rule : GapRule.values()) {
                dirty(open.get(rule).values());
            }
            unresolvedExcluded(t, s -> true);
            closedAfter(t, s -> true);
        }
        if (e instanceof EpisodeStarted s && s.setting().isInstitutional()) {
            institutionalStart(t, added);
        }
        for (Rule rule : RuleCatalogue.all()) {
            rule.reach(x, added, reaches.get(rule.id()));
        }
    }

    /** An institutional start decides whether an end within the hour is a transfer, and may be a readmission. */
    private void institutionalStart(Instant t, boolean added) {
        Duration transfer = Windows.TRANSFER;
        for (Fact<EpisodeEnded> end : seen.ends.between(t.minus(transfer), t.plus(transfer))) {
            dirty.add(end.sequence());
        }
        if (added) {
            // a readmission excludes the discharges more than an hour before it
            Instant latest = t.minus(transfer);
            for (GapRule rule : GapRule.values()) {
                if (rule.excludedByReadmission()) {
                    dirty(open.get(rule).headMap(Pos.after(latest), true).values());
                }
            }
            Predicate<State> discharge = st -> st.rule.excludedByReadmission()
                    && !st.triggeredAt().isAfter(latest);
            unresolvedExcluded(t, discharge);
            closedAfter(t, discharge);
        }
    }

    /** What one rule marks through {@link Reach}. */
    private final class RuleReach implements Reach {
        private final GapRule rule;
        private final Duration longest;

        RuleReach(GapRule rule, Duration longest) {
            this.rule = rule;
            this.longest = longest;
        }

        @Override
        public Seen seen() {
            return seen;
        }

        @Override
        public Duration longestDeadline() {
            return longest;
        }

        @Override
        public void unresolved(Instant from, Instant to, Instant floor, Predicate<Fact<?>> which) {
            GapReplay.this.unresolved(rule, from, to, floor, st -> {
                Fact<PathwayEvent> trigger = seen.fact(st.pos.sequence());
                return trigger == null || which.test(trigger);
            });
        }

        @Override
        public void trigger(Fact<?> trigger) {
            dirty.add(trigger.sequence());
        }

        @Override
        public void satisfiedBy(Fact<?> fact) {
            dirty(byCloser.get(fact.sequence()));
        }
    }

    /**
     * Marks the unresolved gaps of a rule triggered in [from, to] that a new satisfaction, effective no earlier
     * than {@code floor}, may close: the open ones, and the excluded ones whose exclusion is not before it.
     */
    private void unresolved(GapRule rule, Instant from, Instant to, Instant floor, Predicate<State> also) {
        if (from.isAfter(to)) {
            return;
        }
        for (State st : open.get(rule).subMap(Pos.before(from), true, Pos.after(to), true).values()) {
            seen.work.add(1);
            if (also.test(st)) {
                dirty.add(st.pos.sequence());
            }
        }
        unresolvedExcluded(floor, st -> st.rule == rule && !st.triggeredAt().isBefore(from)
                && !st.triggeredAt().isAfter(to) && also.test(st));
    }

    private void unresolvedExcluded(Instant notBefore, Predicate<State> which) {
        for (State st : excludedAlive.tailMap(Key.from(notBefore), true).values()) {
            seen.work.add(1);
            if (which.test(st)) {
                dirty.add(st.pos.sequence());
            }
        }
    }

    /** Marks the satisfied gaps whose satisfaction came at or after {@code t}: an exclusion at t reopens them. */
    private void closedAfter(Instant t, Predicate<State> which) {
        for (State st : closed.tailMap(Key.from(t), true).values()) {
            seen.work.add(1);
            if (which.test(st)) {
                dirty.add(st.pos.sequence());
            }
        }
    }

    private void dirty(Iterable<State> touched) {
        if (touched != null) {
            for (State st : touched) {
                seen.work.add(1);
                dirty.add(st.pos.sequence());
            }
        }
    }

    private void rejudge(int sequence, List<State> changed) {
        List<State> before = byTrigger.remove(sequence);
        if (before != null) {
            before.forEach(this::unindex);
        }
        Fact<PathwayEvent> trigger = seen.fact(sequence);
        List<Verdict> verdicts = trigger == null ? List.of() : judgement.judge(trigger);
        List<State> now = new ArrayList<>(verdicts.size());
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict v = verdicts.get(i);
            State st = states.computeIfAbsent(v.gap().gapId(), id -> new State(Pos.of(trigger), v.gap().rule()));
            st.index = i;
            st.verdict = v;
            index(st);
            now.add(st);
            changed.add(st);
        }
        if (before != null) {
            for (State gone : before) {
                if (!now.contains(gone)) {
                    states.remove(gone.gap().gapId());
                }
            }
        }
        if (!now.isEmpty()) {
            byTrigger.put(sequence, now);
        }
    }

    private void index(State st) {
        Verdict v = st.verdict;
        if (v.closure() != null) {
            closed.put(new Key(v.closure().at(), st.pos, st.rule.ordinal()), st);
            byCloser.computeIfAbsent(v.closure().sequence(), k -> new HashSet<>()).add(st);
        } else if (v.exclusion() != null) {
            byExcluder.computeIfAbsent(v.exclusion().sequence(), k -> new HashSet<>()).add(st);
            if (!v.exclusion().at().isBefore(st.triggeredAt())) {
                excludedAlive.put(new Key(v.exclusion().at(), st.pos, st.rule.ordinal()), st);
            }
        } else {
            open.get(st.rule).put(st.pos, st);
            if (!at.isAfter(v.gap().dueAt())) {
                notDue.put(new Key(v.gap().dueAt(), st.pos, st.rule.ordinal()), st);
            }
        }
    }

    private void unindex(State st) {
        Verdict v = st.verdict;
        if (v.closure() != null) {
            closed.remove(new Key(v.closure().at(), st.pos, st.rule.ordinal()));
            byCloser.get(v.closure().sequence()).remove(st);
        } else if (v.exclusion() != null) {
            byExcluder.get(v.exclusion().sequence()).remove(st);
            excludedAlive.remove(new Key(v.exclusion().at(), st.pos, st.rule.ordinal()));
        } else {
            open.get(st.rule).remove(st.pos);
            notDue.remove(new Key(v.gap().dueAt(), st.pos, st.rule.ordinal()));
        }
    }
}
