package no.pathway.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import no.pathway.api.support.TestDatabase;
import no.pathway.core.event.AppointmentBooked;
import no.pathway.core.event.EndReason;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.EventMeta;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.NewEvents;
import no.pathway.projections.PathwayReadModels;
import no.pathway.projections.RecordedEvents;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapEngine;
import no.pathway.projections.engine.GapRule;
import no.pathway.projections.engine.RuleSet;
import no.pathway.projections.gaps.GapRows;
import no.pathway.projections.quarantine.PathwayIsolation;
import no.pathway.projections.quarantine.Quarantine;
import no.pathway.projections.summary.PathwaySummaries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read models as a plain adapter: no Axon, no Spring context, a database of their own. Events are handed over as
 * the event store would hand them ({@link RecordedEvents}); the rows, the quarantine and the batch's wait are read
 * back from PostgreSQL and the observer.
 */
class PathwayReadModelsIT {
    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");
    /** When the detox episode ended: three days before T. */
    private static final Instant END = T.minus(Duration.ofDays(3));
    private static final String URL = TestDatabase.migrated("read_models");

    /** What the observer was told of one batch. */
    private record Judged(int pathways, Duration waited) {
    }

    /** The event store, as the read models see it: each pathway's events in sequence order. */
    private static final class Store implements RecordedEvents {
        final Map<String, List<PathwayEvent>> events = new LinkedHashMap<>();

        void append(String pathwayId, PathwayEvent... more) {
            events.computeIfAbsent(pathwayId, p -> new ArrayList<>()).addAll(List.of(more));
        }

        @Override
        public Map<String, List<PathwayEvent>> of(Collection<String> pathwayIds) {
            Map<String, List<PathwayEvent>> some = new LinkedHashMap<>();
            pathwayIds.stream().filter(events::containsKey).forEach(p -> some.put(p, List.copyOf(events.get(p))));
            return some;
        }

        @Override
        public long pathwayCount() {
            return events.size();
        }

        @Override
        public void forEachChunk(int pathwaysPerChunk, Consumer<Chunk> consumer) {
            consumer.accept(new Chunk() {
                @Override
                public Set<String> pathways() {
                    return events.keySet();
                }

                @Override
                public Map<String, List<PathwayEvent>> events(Collection<String> pathwayIds) {
                    return of(pathwayIds);
                }
            });
        }
    }

    private final JdbcTemplate jdbc = new JdbcTemplate(
            new SimpleDriverDataSource(new org.postgresql.Driver(), URL, TestDatabase.owner(), ""));
    private final DataSourceTransactionManager transactions = new DataSourceTransactionManager(jdbc.getDataSource());
    private final TransactionTemplate transaction = new TransactionTemplate(transactions);
    private final Clock clock = Clock.fixed(T, ZoneOffset.UTC);
    private final Store store = new Store();
    private final List<Judged> judged = new ArrayList<>();
    private final Quarantine quarantine = new Quarantine(jdbc, clock);
    private final GapRows gaps = new GapRows(jdbc);
    private final PathwaySummaries summaries = new PathwaySummaries(jdbc);
    private final PathwayReadModels readModels = new PathwayReadModels(store, new GapEngine(RuleSet.defaults()), gaps,
            summaries, (pathways, waited, took) -> judged.add(new Judged(pathways, waited)), quarantine,
            new PathwayIsolation(quarantine, transactions), jdbc, clock, Duration.ofSeconds(60),
            Duration.ofMinutes(30));

    @BeforeEach
    void poisonPathwaysOnRequest() {
        jdbc.execute("CREATE TABLE poisoned (pathway_id varchar PRIMARY KEY)");
        jdbc.execute("""
                CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM poisoned WHERE pathway_id = NEW.pathway_id) THEN
                        RAISE EXCEPTION 'poisoned';
                    END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER poison BEFORE INSERT OR UPDATE ON pathway_summary "
                + "FOR EACH ROW EXECUTE FUNCTION poison()");
    }

    @AfterEach
    void emptyTheDatabase() {
        jdbc.execute("DROP TRIGGER poison ON pathway_summary");
        jdbc.execute("DROP FUNCTION poison()");
        jdbc.execute("DROP TABLE poisoned");
        transaction.executeWithoutResult(tx -> readModels.clear());
    }

    private static EventMeta meta(String eventId, Instant occurred, Instant recorded) {
        return new EventMeta(eventId, "src", occurred, recorded, "0301", null);
    }

    private static EpisodeEnded detoxEnded(String eventId, Instant recorded) {
        return new EpisodeEnded(meta(eventId, END, recorded), "detox", Setting.DETOX,
                EndReason.COMPLETED);
    }

    private static AppointmentBooked outpatientBooked(String eventId, Instant recorded) {
        return new AppointmentBooked(meta(eventId, END.minus(Duration.ofHours(2)), recorded), "a",
                Setting.OUTPATIENT, END.plus(Duration.ofHours(10)), null);
    }

    private static NewEvents newEvents(String pathwayId, long... sequences) {
        NewEvents batch = new NewEvents();
        for (long sequence : sequences) {
            batch.add(pathwayId, sequence, false);
        }
        return batch;
    }

    private PathwayReadModels.Retry retry(String pathwayId) {
        return transaction.execute(tx -> readModels.retry(pathwayId));
    }

    private Gap detoxGap(String pathwayId) {
        return gaps.ofPathway(pathwayId).stream().filter(g -> g.rule() == GapRule.DETOX_NO_TREATMENT_24H)
                .findFirst().orElseThrow();
    }

    @Test
    void replace_writes_each_pathways_gaps_and_summary_from_the_events_given() {
        transaction.executeWithoutResult(tx -> readModels.replace(Map.of(
                "pw-one", List.of(detoxEnded("e1", T)),
                "pw-two", List.of(detoxEnded("e2", T), outpatientBooked("e3", T)))));

        assertThat(detoxGap("pw-one").closedAt()).isNull();
        assertThat(detoxGap("pw-two").closedAt()).isNotNull();
        assertThat(summaries.find("pw-one")).isPresent();
        assertThat(summaries.find("pw-two")).isPresent();
    }

    @Test
    void a_second_replace_replaces_the_pathways_rows_rather_than_adding_to_them() {
        transaction.executeWithoutResult(tx -> readModels.replace(Map.of("pw", List.of(detoxEnded("e1", T)))));
        int rows = gaps.ofPathway("pw").size();

        transaction.executeWithoutResult(tx -> readModels.replace(Map.of("pw",
                List.of(detoxEnded("e1", T), outpatientBooked("e2", T)))));

        assertThat(gaps.ofPathway("pw")).hasSize(rows);
        assertThat(detoxGap("pw").closedAt()).isNotNull();
    }

    @Test
    void a_batch_judges_its_pathways_from_everything_recorded_and_tells_how_long_its_oldest_event_waited() {
        store.append("pw-one", detoxEnded("e1", T.minusSeconds(300)), outpatientBooked("e2", T.minusSeconds(90)));
        store.append("pw-two", detoxEnded("e3", T.minusSeconds(30)));
        NewEvents batch = newEvents("pw-one", 1);
        batch.add("pw-two", 0, false);

        transaction.executeWithoutResult(tx -> readModels.judge(batch));

        assertThat(detoxGap("pw-one").closedAt()).as("judged with its earlier event too").isNotNull();
        assertThat(detoxGap("pw-two").closedAt()).isNull();
        assertThat(judged).containsExactly(new Judged(2, Duration.ofSeconds(90)));
    }

    @Test
    void a_replayed_batch_waited_no_time() {
        store.append("pw", detoxEnded("e1", T.minus(Duration.ofDays(300))));
        NewEvents replayed = new NewEvents();
        replayed.add("pw", 0, true);

        transaction.executeWithoutResult(tx -> readModels.judge(replayed));

        assertThat(judged).containsExactly(new Judged(1, Duration.ZERO));
        assertThat(gaps.ofPathway("pw")).isNotEmpty();
    }

    @Test
    void one_bad_pathway_is_set_aside_and_the_others_are_written_until_a_retry_releases_it() {
        store.append("pw-good", detoxEnded("e1", T));
        store.append("pw-bad", detoxEnded("e2", T));
        jdbc.update("INSERT INTO poisoned VALUES ('pw-bad')");
        NewEvents batch = newEvents("pw-good", 0);
        batch.add("pw-bad", 0, false);

        transaction.executeWithoutResult(tx -> readModels.judge(batch));

        assertThat(gaps.ofPathway("pw-good")).isNotEmpty();
        assertThat(gaps.ofPathway("pw-bad")).isEmpty();
        assertThat(quarantine.oldest(10)).extracting(Quarantine.SetAside::pathwayId).containsExactly("pw-bad");

        store.append("pw-bad", outpatientBooked("e3", T));
        transaction.executeWithoutResult(tx -> readModels.judge(newEvents("pw-bad", 1)));
        assertThat(quarantine.oldest(10)).extracting(Quarantine.SetAside::laterEvents).containsExactly(1L);
        assertThat(retry("pw-bad")).isEqualTo(PathwayReadModels.Retry.STILL_SET_ASIDE);

        jdbc.update("DELETE FROM poisoned");
        assertThat(retry("pw-bad")).isEqualTo(PathwayReadModels.Retry.RELEASED);
        assertThat(detoxGap("pw-bad").closedAt()).as("judged with the event that came meanwhile").isNotNull();
        assertThat(quarantine.count()).isZero();
        assertThat(retry("pw-bad")).isEqualTo(PathwayReadModels.Retry.NOT_SET_ASIDE);
    }

    @Test
    void a_failure_that_blames_no_pathway_sets_nothing_aside_and_fails_the_batch_so_it_is_retried() {
        store.append("pw", detoxEnded("e1", T));
        jdbc.execute("ALTER TABLE pathway_summary RENAME TO pathway_summary_away");
        try {
            assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> readModels.judge(newEvents("pw", 0))))
                    .isInstanceOf(RuntimeException.class);
        } finally {
            jdbc.execute("ALTER TABLE pathway_summary_away RENAME TO pathway_summary");
        }

        assertThat(quarantine.count()).isZero();
        assertThat(gaps.ofPathway("pw")).as("rolled back whole").isEmpty();
        assertThat(judged).isEmpty();
    }

    @Test
    void a_rebuild_judges_every_recorded_pathway_and_releases_those_that_now_succeed() {
        store.append("pw-one", detoxEnded("e1", T));
        store.append("pw-two", detoxEnded("e2", T), outpatientBooked("e3", T));
        jdbc.update("INSERT INTO poisoned VALUES ('pw-two')");
        transaction.executeWithoutResult(tx -> readModels.judge(newEvents("pw-two", 0)));
        assertThat(quarantine.count()).isOne();
        jdbc.update("DELETE FROM poisoned");

        transaction.executeWithoutResult(tx -> readModels.rebuild());

        assertThat(detoxGap("pw-one").closedAt()).isNull();
        assertThat(detoxGap("pw-two").closedAt()).isNotNull();
        assertThat(quarantine.count()).isZero();
    }
}
