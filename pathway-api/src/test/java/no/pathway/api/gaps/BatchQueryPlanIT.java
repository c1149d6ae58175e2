package no.pathway.api.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import no.pathway.api.support.ApiIT;
import no.pathway.projections.StoredEvents;
import no.pathway.projections.gaps.GapRows;
import org.junit.jupiter.api.Test;

/**
 * A read-model batch's queries probe the indexes once per pathway, however many pathways the batch holds. Joined
 * with {@code unnest(?)}, PostgreSQL planned a large batch as a hash join over the whole table, which stalled the
 * read models for seconds at national scale (docs/performance.md, step 14). A literal array, as the driver sends
 * it once a statement is planned per execution, lets the planner see the batch's size.
 */
class BatchQueryPlanIT extends ApiIT {

    private String plan(String sql, int pathways) {
        String ids = IntStream.range(0, pathways).mapToObj(i -> "pathway-" + i)
                .collect(Collectors.joining(",", "'{", "}'"));
        return String.join("\n", jdbc.sql("EXPLAIN " + sql.replace("?", ids)).query(String.class).list());
    }

    @Test
    void a_batch_of_five_hundred_pathways_is_read_and_cleared_by_index_probes_not_by_a_join_over_a_table() {
        for (String sql : List.of(StoredEvents.OF_PATHWAYS, GapRows.DELETE_OF_PATHWAYS)) {
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
