package no.pathway.api.gaps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.annotation.PreDestroy;
import no.pathway.core.event.PathwayEvent;
import no.pathway.projections.RecordedEvents;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.engine.GapStatus;
import no.pathway.projections.gaps.Acknowledgement;
import no.pathway.projections.gaps.FollowUp;
import no.pathway.projections.gaps.GapRows;
import no.pathway.projections.responsibility.MunicipalityIndex;
import no.pathway.projections.summary.PathwaySummaries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a municipality's dashboard showed at T: every gap of that municipality as the service judged it at T from
 * what it had recorded by T ({@code at = knownAt = T}). The candidates come from the {@link MunicipalityIndex}. A
 * candidate whose events were all recorded and had all occurred by T, and whose read model has judged every event
 * the store holds of it, is <em>settled</em>: the engine judging it at T sees exactly the events the read model
 * judged, so its stored rows are that judgement (status taken at T), and they are read, not judged again. Every other
 * candidate is judged from the event store by the same engine evaluation as {@code /pathways/{id}/gaps?at&knownAt}.
 * At T = now nearly every pathway is settled; at an earlier T, those with later events are judged
 * (docs/audit.md, "The dashboard at T"; {@code DashboardAtMatchesJudgementIT} checks the two ways agree). A pathway
 * whose stored events cannot be read is named in the answer, never silently left out.
 */
@Service
public class DashboardAt {
    /** Pathways read from the store in one query. */
    private static final int CHUNK = 500;
    /**
     * Chunks read and judged at once: while one thread judges a chunk in Java, the other's chunk is being read by
     * the database, on another core (docs/performance.md, the dashboard at T at scale). Shared by all requests, so
     * an auditor's dashboard takes at most two threads of the service.
     */
    private static final int THREADS = 2;

    /** One gap as shown at T, with the acknowledgement known then (or null) and its follow-up then (never null). */
    public record Shown(Gap gap, Acknowledgement acknowledgement, FollowUp followUp) {
    }

    /**
     * The dashboard at T: the gaps whose status at T is one of those asked for, most urgent first, the count of every
     * status at T, how many pathways were judged (of them, how many were settled and so read from the read model),
     * and those that could not be.
     */
    public record Result(List<Shown> gaps, Map<String, Long> counts, int pathwaysJudged, int pathwaysSettled,
                         List<String> notJudged) {
    }

    private final MunicipalityIndex index;
    private final RecordedEvents stored;
    private final GapEngine engine;
    private final PathwaySummaries summaries;
    private final GapRows rows;
    private final TransactionTemplate snapshot;
    private final ExecutorService judges;

    DashboardAt(MunicipalityIndex index, RecordedEvents stored, GapEngine engine, PathwaySummaries summaries,
                GapRows rows, PlatformTransactionManager transactions) {
        this.index = index;
        this.stored = stored;
        this.engine = engine;
        this.summaries = summaries;
        this.rows = rows;
        // the settled pathways, the store's counts and the rows in one snapshot: a pathway judged by the read model
        // between two reads cannot mix its old count with its new rows
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        AtomicInteger threads = new AtomicInteger();
        this.judges = Executors.newFixedThreadPool(THREADS, work -> {
            Thread thread = new Thread(work, "dashboard-at-" + threads.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
    }

    public Result at(String municipality, Instant t, Set<GapStatus> statuses) {
        return at(municipality, t, statuses, true);
    }

    /**
     * @param fromReadModel whether settled pathways are read from the read model; false judges every candidate from
     *                      the store (what the test of the two ways compares with)
     */
    Result at(String municipality, Instant t, Set<GapStatus> statuses, boolean fromReadModel) {
        List<String> candidates = index.candidates(municipality, t);
        Settled settled = fromReadModel ? settled(candidates, municipality, t, statuses) : Settled.NONE;
        List<String> rest = settled.pathways().isEmpty() ? candidates
                : candidates.stream().filter(p -> !settled.pathways().contains(p)).toList();
        List<Future<Judged>> chunks = new ArrayList<>();
        for (int from = 0; from < rest.size(); from += CHUNK) {
            List<String> chunk = rest.subList(from, Math.min(rest.size(), from + CHUNK));
            chunks.add(judges.submit(() -> judge(chunk, municipality, t, statuses)));
        }
        List<Shown> shown = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : List.of("OPEN", "PROSPECTIVE", "CLOSED_LATE", "CLOSED_ON_TIME", "NOT_APPLICABLE")) {
            counts.put(status, 0L);
        }
        settled.counts().forEach((status, n) -> counts.merge(status, n, Long::sum));
        settled.rows().forEach(row -> shown.add(new Shown(row.gap(), row.acknowledgement(), row.followUp())));
        List<String> notJudged = new ArrayList<>();
        try {
            for (Future<Judged> chunk : chunks) {
                Judged judged = chunk.get();
                shown.addAll(judged.shown());
                judged.counts().forEach((status, n) -> counts.merge(status, n, Long::sum));
                notJudged.addAll(judged.notJudged());
            }
        } catch (InterruptedException e) {
            chunks.forEach(c -> c.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while judging the dashboard at T", e);
        } catch (ExecutionException e) {
            chunks.forEach(c -> c.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        shown.sort(Comparator.comparing((Shown s) -> s.gap().dueAt()).thenComparing(s -> s.gap().gapId()));
        return new Result(shown, counts, candidates.size() - notJudged.size(), settled.pathways().size(), notJudged);
    }

    /**
     * The settled candidates (see the class), the count of their gaps of the municipality by status at T, and those
     * of the gaps whose status at T was asked for: counted and chosen by the database, so that a municipality's
     * 150,000 stored gaps are not made into objects to show 48,000 (at 100,000 pathways that filled the heap).
     */
    private record Settled(Set<String> pathways, Map<String, Long> counts, List<GapRows.Row> rows) {
        static final Settled NONE = new Settled(Set.of(), Map.of(), List.of());
    }

    private Settled settled(List<String> candidates, String municipality, Instant t, Set<GapStatus> statuses) {
        if (candidates.isEmpty()) {
            return Settled.NONE;
        }
        return snapshot.execute(tx -> {
            Map<String, Integer> judged = summaries.settledBy(candidates, t);
            if (judged.isEmpty()) {
                return Settled.NONE;
            }
            Map<String, Integer> inStore = stored.counts(judged.keySet());
            Set<String> settled = new HashSet<>();
            judged.forEach((pathwayId, count) -> {
                if (count.equals(inStore.get(pathwayId))) {
                    settled.add(pathwayId);
                }
            });
            if (settled.isEmpty()) {
                return Settled.NONE;
            }
            return new Settled(settled, rows.countsOf(settled, municipality, t),
                    rows.ofPathways(settled, municipality, statuses, t));
        });
    }

    /** One chunk's part of the answer. */
    private record Judged(List<Shown> shown, Map<String, Long> counts, List<String> notJudged) {
    }

    private Judged judge(List<String> chunk, String municipality, Instant t, Set<GapStatus> statuses) {
        List<Shown> shown = new ArrayList<>();
        Map<String, Long> counts = new HashMap<>();
        List<String> notJudged = new ArrayList<>();
        read(chunk, notJudged).forEach((pathwayId, events) -> {
            Map<String, Acknowledgement> acks = Acknowledgement.latest(events, t, t);
            Map<String, FollowUp> followUps = FollowUp.of(events, t, t);
            for (Gap gap : engine.evaluate(pathwayId, events, t, t)) {
                if (!municipality.equals(gap.municipality())) {
                    continue;
                }
                GapStatus status = gap.statusAt(t);
                counts.merge(countKey(gap, status), 1L, Long::sum);
                if (statuses.contains(status)) {
                    shown.add(new Shown(gap, acks.get(gap.gapId()),
                            followUps.getOrDefault(gap.gapId(), FollowUp.NONE)));
                }
            }
        });
        return new Judged(shown, counts, notJudged);
    }

    @PreDestroy
    void stop() {
        judges.shutdownNow();
    }

    /** The chunk's events; when one pathway's cannot be read, each alone, naming those that fail. */
    private Map<String, List<PathwayEvent>> read(List<String> chunk, List<String> notJudged) {
        try {
            return stored.of(chunk);
        } catch (RuntimeException chunkFailed) {
            Map<String, List<PathwayEvent>> events = new HashMap<>();
            for (String pathwayId : chunk) {
                try {
                    events.putAll(stored.of(List.of(pathwayId)));
                } catch (RuntimeException failed) {
                    notJudged.add(pathwayId);
                }
            }
            return events;
        }
    }

    private static String countKey(Gap gap, GapStatus status) {
        return status == GapStatus.CLOSED ? (gap.late() ? "CLOSED_LATE" : "CLOSED_ON_TIME") : status.name();
    }
}
