package no.pathway.api.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import no.pathway.api.security.Role;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.PathwayGenerator;
import no.pathway.api.support.TestMunicipalities;
import no.pathway.projections.engine.GapStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard at T takes a settled pathway's gaps from the read model (nothing recorded or occurring after T, every
 * stored event judged) and judges the rest from the event store. This is its oracle: on generated pathways posted
 * over months of recorded time, late, out of order, corrected, a few recorded minutes before they happen, with
 * coordinators' assignments and call logs, the answer at every T is exactly the answer of judging every candidate from
 * the store: the same gaps with the same status, acknowledgement and follow-up, the same counts. And a read model that
 * has not judged a pathway's last event, or has set the pathway aside, is never taken for that pathway.
 */
class DashboardAtMatchesJudgementIT extends ApiIT {
    private static final Set<GapStatus> EVERY_STATUS = EnumSet.allOf(GapStatus.class);
    private static final Instant END = Instant.parse("2026-06-01T00:00:00Z");

    private final String municipality = TestMunicipalities.next();
    @Autowired
    private DashboardAt dashboard;
    private Api coordinator;

    /** Tokens are minted on the real clock, before the test freezes it in the past. */
    @BeforeEach
    void coordinatorToken() {
        coordinator = api.as(token("dashboard-oracle-coordinator", Set.of(Role.COORDINATOR), Set.of(municipality)));
    }

    /** One event and the time the service records it. */
    private record Posting(Instant recordedAt, Map<String, Object> event) {
    }

    /**
     * Generated pathways of this test's municipality, posted in each pathway's posting order a batch per day, each
     * event recorded at the end of a day between its occurrence and three days after; one in ten is recorded three
     * minutes before it happens instead (the most the service takes).
     */
    private void postPathways(int pathways, long seed) {
        PathwayGenerator generator = new PathwayGenerator(seed, END);
        Random lag = new Random(seed);
        List<Posting> postings = new ArrayList<>();
        for (int i = 0; i < pathways; i++) {
            Instant recorded = Instant.MIN;
            for (Map<String, Object> event : generator.next().events()) {
                if (event.containsKey("municipality")) {
                    event.put("municipality", municipality);
                }
                Instant occurred = Instant.parse((String) event.get("occurredAt"));
                Instant at = endOfDay(occurred.plus(Duration.ofMinutes(lag.nextInt(3 * 24 * 60))));
                recorded = at.isAfter(recorded) ? at : recorded;
                if (lag.nextInt(10) == 0) {
                    event.put("occurredAt", recorded.plus(Duration.ofMinutes(3)).toString());
                }
                postings.add(new Posting(recorded, event));
            }
        }
        TreeMap<Instant, List<Map<String, Object>>> byDay = new TreeMap<>();
        postings.forEach(p -> byDay.computeIfAbsent(p.recordedAt(), d -> new ArrayList<>()).add(p.event()));
        byDay.forEach((day, events) -> {
            clock.freezeAt(day);
            Api.Response response = api.post("/api/v1/events/batch", Map.of("events", events));
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            response.json().get("results").forEach(r -> assertThat(r.get("status").intValue()).as(r.toString())
                    .isIn(200, 201));
        });
    }

    private static Instant endOfDay(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofHours(23)).plus(Duration.ofMinutes(59));
    }

    /** Some of the municipality's unresolved gaps assigned and called about, at the given time. */
    private void followSomeUp(Instant at, int gaps) {
        clock.freezeAt(at);
        Api.Response page = coordinator.get("/api/v1/gaps?municipality=" + municipality + "&limit=" + gaps);
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        page.json().get("items").forEach(gap -> {
            String id = gap.get("gapId").stringValue();
            assertThat(coordinator.post("/api/v1/gaps/" + id + "/assignment", Map.of("assignee", "kari")).status())
                    .isEqualTo(201);
            assertThat(coordinator.post("/api/v1/gaps/" + id + "/follow-up-attempts",
                    Map.of("outcome", "NOT_REACHED", "note", "ringte")).status()).isEqualTo(201);
        });
    }

    private void assertSameAnswer(Instant t) {
        DashboardAt.Result taken = dashboard.at(municipality, t, EVERY_STATUS, true);
        DashboardAt.Result judged = dashboard.at(municipality, t, EVERY_STATUS, false);
        assertThat(taken.gaps()).as("the gaps at %s", t).containsExactlyElementsOf(judged.gaps());
        assertThat(taken.counts()).as("the counts at %s", t).isEqualTo(judged.counts());
        assertThat(taken.pathwaysJudged()).isEqualTo(judged.pathwaysJudged());
        assertThat(taken.notJudged()).isEmpty();
        assertThat(judged.pathwaysSettled()).isZero();
        DashboardAt.Result unresolved = dashboard.at(municipality, t, DashboardAtController.DEFAULT_STATUSES, true);
        assertThat(unresolved.gaps()).as("the unresolved gaps at %s", t).containsExactlyElementsOf(
                judged.gaps().stream().filter(s -> DashboardAtController.DEFAULT_STATUSES.contains(s.gap().statusAt(t)))
                        .toList());
        assertThat(unresolved.counts()).isEqualTo(judged.counts());
    }

    @Test
    void at_every_t_the_read_model_rows_of_settled_pathways_give_exactly_the_judgement_from_the_store() {
        postPathways(80, 15_017L);
        Instant assigned = END.plus(Duration.ofDays(2));
        followSomeUp(assigned, 15);
        clock.freezeAt(END.plus(Duration.ofDays(3)));
        awaitReadModels();

        List<Integer> settled = new ArrayList<>();
        List<Integer> judged = new ArrayList<>();
        for (Instant t = END.minus(Duration.ofDays(300)); t.isBefore(END.plus(Duration.ofDays(3)));
             t = t.plus(Duration.ofDays(9)).plus(Duration.ofHours(5))) {
            assertSameAnswer(t);
            DashboardAt.Result result = dashboard.at(municipality, t, EVERY_STATUS);
            settled.add(result.pathwaysSettled());
            judged.add(result.pathwaysJudged());
        }
        for (Instant t : List.of(assigned.minusSeconds(1), assigned, END.plus(Duration.ofDays(3)))) {
            assertSameAnswer(t);
        }
        DashboardAt.Result now = dashboard.at(municipality, END.plus(Duration.ofDays(3)), EVERY_STATUS);
        assertThat(now.pathwaysSettled()).as("at the end every pathway is settled").isEqualTo(now.pathwaysJudged())
                .isEqualTo(80);
        assertThat(now.gaps()).as("a dataset with gaps").hasSizeGreaterThan(100);
        assertThat(now.gaps()).as("with follow-ups").anyMatch(s -> !s.followUp().attempts().isEmpty());
        assertThat(settled).as("some T with pathways taken from the read model and some judged")
                .anyMatch(n -> n > 0);
        assertThat(java.util.stream.IntStream.range(0, settled.size()).anyMatch(i -> settled.get(i) > 0
                && settled.get(i) < judged.get(i))).as("a T with both kinds").isTrue();
    }

    @Test
    void a_read_model_behind_the_store_or_set_aside_is_not_taken_for_its_pathway() throws IOException {
        postPathways(6, 15_023L);
        Instant t = END.plus(Duration.ofDays(3));
        clock.freezeAt(t);
        awaitReadModels();
        DashboardAt.Result before = dashboard.at(municipality, t, EVERY_STATUS);
        assertThat(before.pathwaysSettled()).isEqualTo(6);
        theMigrationFillsWhatTheReadModelWrites();
        List<String> withGaps = before.gaps().stream().map(s -> s.gap().pathwayId()).distinct().toList();
        assertThat(withGaps).hasSizeGreaterThanOrEqualTo(2);
        String behind = withGaps.get(0);
        String setAside = withGaps.get(1);
        // the read model as if it had not judged the last event, with no gaps; and a pathway set aside, with none
        owner.sql("UPDATE pathway_summary SET event_count = event_count - 1 WHERE pathway_id = ?").param(behind)
                .update();
        owner.sql("INSERT INTO read_model_quarantine (pathway_id, since, last_attempt, attempts, error_type) "
                + "VALUES (?, now(), now(), 1, 'test')").param(setAside).update();
        owner.sql("DELETE FROM gap WHERE pathway_id IN (?, ?)").params(behind, setAside).update();
        try {
            DashboardAt.Result after = dashboard.at(municipality, t, EVERY_STATUS);
            assertThat(after.pathwaysSettled()).isEqualTo(4);
            assertThat(after.gaps()).containsExactlyElementsOf(before.gaps());
            assertThat(after.counts()).isEqualTo(before.counts());
        } finally {
            owner.sql("DELETE FROM read_model_quarantine WHERE pathway_id = ?").param(setAside).update();
        }
    }

    /** V16 fills the two times of summaries written before it from the stored events: the same as the judging does. */
    private void theMigrationFillsWhatTheReadModelWrites() throws IOException {
        String ofThisTest = "SELECT s.pathway_id || ' ' || s.last_recorded_at || ' ' || s.last_occurred_at "
                + "FROM pathway_summary s JOIN pathway_municipality m ON m.pathway_id = s.pathway_id "
                + "WHERE m.municipality = ? ORDER BY 1";
        List<String> written = owner.sql(ofThisTest).param(municipality).query(String.class).list();
        assertThat(written).hasSize(6);
        owner.sql("UPDATE pathway_summary SET last_recorded_at = NULL, last_occurred_at = NULL WHERE pathway_id IN "
                + "(SELECT pathway_id FROM pathway_municipality WHERE municipality = ?)").param(municipality).update();
        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V16__pathway_summary_known.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        owner.sql(migration.substring(migration.indexOf("UPDATE pathway_summary"))).update();
        assertThat(owner.sql(ofThisTest).param(municipality).query(String.class).list()).isEqualTo(written);
    }
}
