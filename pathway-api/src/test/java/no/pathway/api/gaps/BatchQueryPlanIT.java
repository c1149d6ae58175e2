package no.pathway.api.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import no.pathway.api.audit.EventChain;
import no.pathway.api.eventstore.AxonRecordedEvents;
import no.pathway.api.support.ApiIT;
import no.pathway.projections.gaps.GapRows;
import org.junit.jupiter.api.Test;

/**
 * The queries that take a list of pathways (a read-model batch's, the hash chain's read-back of a write group)
 * probe the indexes once per pathway, however many pathways they are given. Joined
 * with {@code unnest(?)}, PostgreSQL planned a large batch as a hash join over the whole table, which stalled the
 * read models for seconds at national scale (docs/performance.md, step 14). A literal array, as the driver sends
 * it once a statement is planned per execution, lets the planner see the batch's size.
 */
class BatchQueryPlanIT extends ApiIT {

    /** The plan with the first parameter {@code pathways} ids and a second one, if any, as many sequences. */
    private String plan(String sql, int pathways) {
        String ids = IntStream.range(0, pathways).mapToObj(i -> "pathway-" + i)
                .collect(Collectors.joining(",", "'{", "}'"));
        String sequences = IntStream.range(0, pathways).mapToObj(i -> "0")
                .collect(Collectors.joining(",", "'{", "}'"));
        String literal = sql.replaceFirst("\\?", ids).replaceFirst("\\?", sequences);
        return String.join("\n", jdbc.sql("EXPLAIN " + literal).query(String.class).list());
    }

    @Test
    void a_batch_of_five_hundred_pathways_is_read_and_cleared_by_index_probes_not_by_a_join_over_a_table() {
        for (String sql : List.of(AxonRecordedEvents.OF_PATHWAYS, GapRows.DELETE_OF_PATHWAYS,
                EventChain.NEW_OF_PATHWAYS)) {
            String plan = plan(sql, 500);

            assertThat(plan).as(plan).contains("Nested Loop").doesNotContain("Hash Join").doesNotContain("Merge Join");
        }
    }

    @Test
    void the_plain_join_this_replaced_is_planned_as_a_hash_join_here_so_the_check_above_can_fail() {
        String plainJoin = "SELECT d.payload FROM domain_event_entry d JOIN unnest(?::varchar[]) AS k(p)"
                + " ON d.aggregate_identifier = k.p";

        assertThat(plan(plainJoin, 500)).containsAnyOf("Hash Join", "Merge Join");
    }
}
