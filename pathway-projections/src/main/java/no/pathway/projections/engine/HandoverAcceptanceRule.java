package no.pathway.projections.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import no.pathway.core.event.FactType;
import no.pathway.core.event.HandoverAccepted;
import no.pathway.core.event.HandoverRejected;
import no.pathway.core.event.HandoverSent;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.Seen.Fact;

/** Rule 8: a handover is accepted within 48 hours. */
record HandoverAcceptanceRule() implements Rule {
    private static final About ABOUT = new About(GapRule.HANDOVER_NOT_ACCEPTED_48H, 8,
            "Nobody falls between two services.",
            List.of("hearing statements: clear responsibility at every transition"),
            new Trigger(FactType.HANDOVER_SENT, "a handover is sent"),
            new Expected("the acceptance of this handover; or, after it was rejected, the acceptance of a later "
                    + "handover to the same setting", List.of(FactType.HANDOVER_ACCEPTED),
                    EnumSet.noneOf(Setting.class), Duration.ZERO),
            Duration.ofHours(48), false);

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<Finding> judge(Judging on, Duration deadline) {
        Fact<PathwayEvent> f = on.fact();
        HandoverSent sent = (HandoverSent) f.event();
        Seen seen = on.seen();
        Instant t = on.t();
        String id = sent.handoverId();
        FactIndex<HandoverRejected> rejections = seen.rejectsById.get(id);
        boolean rejected = rejections != null && !rejections.isEmpty();
        FactIndex<HandoverAccepted> own = seen.acceptsById.get(id);
        Optional<Hit> closure = own == null ? Optional.empty() : own.earliestSince(Instant.MIN, t);
        if (rejected) {
            closure = Windows.earliest(Stream.concat(closure.stream(), successor(seen, f, sent).stream()));
        }
        return Optional.of(new Finding(closure,
                TriggerDetail.handover(id, sent.fromSetting(), sent.toSetting(), rejected)));
    }

    @Override
    public Setting triggerSetting(Gap gap) {
        return TriggerDetail.handoverFrom(gap.detail());
    }

    /**
     * The earliest acceptance of another handover to the same setting sent after this one. Those that occurred
     * by t count at t (the first recorded wins): such an acceptance came before a sending of its id, which is
     * rare and kept in an index of its own; after t the first that qualifies is the earliest.
     */
    private static Optional<Hit> successor(Seen seen, Fact<PathwayEvent> f, HandoverSent sent) {
        Instant t = f.occurredAt();
        Fact<HandoverAccepted> byT = null;
        for (Fact<HandoverAccepted> a : seen.earlyAccepts.between(Instant.MIN, t)) {
            if ((byT == null || a.sequence() < byT.sequence()) && answers(seen, a, f, sent)) {
                byT = a;
            }
        }
        if (byT != null) {
            return Optional.of(byT.hit(t));
        }
        for (Fact<HandoverAccepted> a : seen.accepts.after(FactIndex.Pos.after(t))) {
            if (answers(seen, a, f, sent)) {
                return Optional.of(a.hit(t));
            }
        }
        return Optional.empty();
    }

    /** Whether an acceptance is of another handover to the same setting sent after {@code f}. */
    private static boolean answers(Seen seen, Fact<HandoverAccepted> a, Fact<PathwayEvent> f, HandoverSent sent) {
        String id = a.event().handoverId();
        if (id.equals(sent.handoverId())) {
            return false;
        }
        FactIndex<HandoverSent> sends = seen.sendsById.get(id);
        if (sends == null) {
            return false;
        }
        for (Fact<HandoverSent> later : sends.after(FactIndex.Pos.of(f))) {
            if (later.event().toSetting() == sent.toSetting()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void reach(Fact<PathwayEvent> fact, boolean added, Reach reach) {
        Seen seen = reach.seen();
        PathwayEvent e = fact.event();
        if (e instanceof HandoverSent h) {
            FactIndex<HandoverAccepted> acceptances = seen.acceptsById.get(h.handoverId());
            if (acceptances == null || acceptances.isEmpty()) {
                return;
            }
            if (added) {
                // its acceptance may answer the rejected handovers before it
                reach.unresolved(Instant.MIN, fact.occurredAt(), acceptances.first().occurredAt());
            } else {
                // its acceptance no longer answers the rejected handovers before it
                for (Fact<HandoverAccepted> a : acceptances) {
                    reach.satisfiedBy(a);
                }
            }
        } else if (e instanceof HandoverAccepted a && added) {
            FactIndex<HandoverSent> sends = seen.sendsById.get(a.handoverId());
            if (sends == null || sends.isEmpty()) {
                return;
            }
            for (Fact<HandoverSent> own : sends) {
                reach.trigger(own);
            }
            // a rejected handover before a later handover of this id to the same setting
            reach.unresolved(Instant.MIN, sends.last().occurredAt(), fact.occurredAt());
        } else if (e instanceof HandoverRejected r) {
            FactIndex<HandoverRejected> rejections = seen.rejectsById.get(r.handoverId());
            int left = rejections == null ? 0 : rejections.size();
            FactIndex<HandoverSent> sends = seen.sendsById.get(r.handoverId());
            if ((added ? left == 1 : left == 0) && sends != null) {
                for (Fact<HandoverSent> s : sends) {
                    reach.trigger(s);
                }
            }
        }
    }
}
