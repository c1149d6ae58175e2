package no.pathway.api.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.support.Api;
import no.pathway.api.support.ApiIT;
import no.pathway.api.support.Events;
import no.pathway.api.support.PathwayGenerator;
import no.pathway.api.support.TestMunicipalities;
import no.pathway.projections.gaps.GapRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The worklist's counts per status come from a tally kept with the gap rows, corrected at the time of the question
 * (V17, {@code GapTally}). Its oracle is counting every row with the status as {@code Gap.statusAt} defines it: on
 * generated pathways of two municipalities, posted on a clock that runs from a year back (late, out of order,
 * corrected, with deaths and readmissions that exclude gaps), the counts agree at every time asked, by rule and by
 * municipality, before and after the pathways change and after a rebuild; and the migration's own count of the rows
 * is the tally the writes kept.
 */
class GapTallyIT extends ApiIT {
    private static final Instant END = Instant.parse("2026-06-01T00:00:00Z");
    /** Every row counted by the status it has at :now, as the worklist counted before the tally. */
    private static final String EVERY_ROW = """
            SELECT coalesce(%s, '') AS grp, s, count(*) FROM (
                SELECT *, CASE WHEN closed_at IS NOT NULL AND closed_at <= :now
                                   THEN CASE WHEN closed_at > due_at THEN 'CLOSED_LATE' ELSE 'CLOSED_ON_TIME' END
                               WHEN excluded_at IS NOT NULL AND excluded_at <= :now THEN 'NOT_APPLICABLE'
                               WHEN due_at < :now THEN 'OPEN' ELSE 'PROSPECTIVE' END AS s
                FROM gap WHERE municipality IN (:municipalities)) g
            GROUP BY 1, 2""";

    private final String north = TestMunicipalities.next();
    private final String south = TestMunicipalities.next();
    @Autowired
    private GapRows gaps;

    /** Generated pathways, each posted whole on a clock set to its last event, alternately in the two municipalities. */
    private List<String> post(int pathways, long seed) {
        PathwayGenerator generator = new PathwayGenerator(seed, END);
        List<String> persons = new ArrayList<>();
        for (int i = 0; i < pathways; i++) {
            String municipality = i % 2 == 0 ? north : south;
            PathwayGenerator.Pathway pathway = generator.next();
            persons.add(pathway.personId());
            List<Map<String, Object>> events = pathway.events();
            Instant last = Instant.MIN;
            for (Map<String, Object> event : events) {
                if (event.containsKey("municipality")) {
                    event.put("municipality", municipality);
                }
                Instant occurred = Instant.parse((String) event.get("occurredAt"));
                last = occurred.isAfter(last) ? occurred : last;
            }
            clock.freezeAt(last.plus(Duration.ofHours(i % 5)));
            Api.Response response = api.post("/api/v1/events/batch", Map.of("events", events));
            assertThat(response.status()).as(response.text()).isEqualTo(200);
        }
        return persons;
    }

    /** A later event on a pathway, recorded at the end. */
    private void later(Map<String, Object> event) {
        clock.freezeAt(END.plus(Duration.ofHours(1)));
        Api.Response response = api.post("/api/v1/events", event);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    private Map<String, Map<String, Long>> countingEveryRow(String group, Instant now) {
        Map<String, Map<String, Long>> counts = new java.util.TreeMap<>();
        jdbc.sql(EVERY_ROW.formatted(group)).param("now", Timestamp.from(now))
                .param("municipalities", List.of(north, south)).query((java.sql.ResultSet rs) -> {
                    counts.computeIfAbsent(rs.getString(1), g -> new java.util.TreeMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                });
        return counts;
    }

    private static Map<String, Map<String, Long>> sorted(Map<String, Map<String, Long>> counts) {
        Map<String, Map<String, Long>> sorted = new java.util.TreeMap<>();
        counts.forEach((group, byStatus) -> sorted.put(group, new java.util.TreeMap<>(byStatus)));
        return sorted;
    }

    private List<Instant> times() {
        List<Instant> times = new ArrayList<>();
        for (Instant t = END.minus(Duration.ofDays(320)); t.isBefore(END.plus(Duration.ofDays(30)));
             t = t.plus(Duration.ofDays(11)).plus(Duration.ofHours(7))) {
            times.add(t);
        }
        return times;
    }

    private void assertTheTallyCountsEveryRow(String when) {
        for (Instant now : times()) {
            assertThat(sorted(gaps.countsBy("rule", Set.of(north, south), now))).as("by rule at %s, %s", now, when)
                    .isEqualTo(countingEveryRow("rule", now));
            assertThat(sorted(gaps.countsBy("municipality", Set.of(north, south), now)))
                    .as("by municipality at %s, %s", now, when).isEqualTo(countingEveryRow("municipality", now));
            Map<String, Map<String, Long>> everywhere = gaps.countsBy("municipality", Set.of(), now);
            Map<String, Map<String, Long>> ours = new LinkedHashMap<>();
            for (String m : List.of(north, south)) {
                if (everywhere.containsKey(m)) {
                    ours.put(m, everywhere.get(m));
                }
            }
            assertThat(sorted(ours)).as("every municipality at %s, %s", now, when)
                    .isEqualTo(countingEveryRow("municipality", now));
        }
    }

    @Test
    void the_tally_with_its_corrections_counts_as_every_row_does_at_every_time() throws IOException {
        List<String> persons = post(60, 17_101L);
        clock.freezeAt(END.plus(Duration.ofDays(1)));
        awaitReadModels();
        assertThat(countingEveryRow("rule", END).values().stream().mapToLong(m -> m.values().stream()
                .mapToLong(Long::longValue).sum()).sum()).as("a dataset with gaps").isGreaterThan(150);
        assertTheTallyCountsEveryRow("as posted");

        // later events on the same pathways (deaths that exclude, treatment that closes) and new pathways: rows are
        // replaced, and the tally with them
        for (int i = 0; i < 30; i++) {
            String person = persons.get(i);
            String at = END.minus(Duration.ofDays(i * 9L)).toString();
            later(i % 2 == 0 ? Events.event("PERSON_DIED", person, at)
                    : Events.event("EPISODE_STARTED", person, at, "episodeId", "late-" + i, "setting", "OUTPATIENT"));
        }
        post(20, 17_103L);
        clock.freezeAt(END.plus(Duration.ofDays(1)));
        awaitReadModels();
        assertTheTallyCountsEveryRow("after more events");

        readModels.rebuild();
        awaitReadModels();
        assertTheTallyCountsEveryRow("after a rebuild");

        List<String> kept = owner.sql("SELECT municipality || rule || class || n FROM gap_tally WHERE n <> 0 "
                + "ORDER BY 1").query(String.class).list();
        owner.sql("DELETE FROM gap_tally").update();
        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V17__gap_tally.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        owner.sql(migration.substring(migration.indexOf("INSERT INTO gap_tally"), migration.indexOf("FROM gap GROUP")
                + "FROM gap GROUP BY 1, 2, 3".length())).update();
        assertThat(owner.sql("SELECT municipality || rule || class || n FROM gap_tally WHERE n <> 0 ORDER BY 1")
                .query(String.class).list()).as("the migration counts what the writes kept").isEqualTo(kept);
    }
}
