package no.pathway.projections.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue is complete: every rule name has exactly one entry, in the order of gap-rules.md, and every entry
 * says what it is (text and sources, as docs/gap-rules.md has them), what triggers it and what satisfies it. The
 * compiler asks each rule for all of it (a sealed interface); this asks that none of it is empty.
 */
class RuleCatalogueTest {
    private static final Path DOC = Path.of("..", "docs", "gap-rules.md");

    static Stream<Rule> rules() {
        return RuleCatalogue.all().stream();
    }

    @Test
    void every_rule_name_has_exactly_one_entry_in_the_order_of_gap_rules_md() {
        assertThat(RuleCatalogue.all()).extracting(Rule::id).containsExactly(GapRule.values());
        assertThat(RuleCatalogue.all()).extracting(Rule::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        for (GapRule name : GapRule.values()) {
            assertThat(RuleCatalogue.of(name).id()).isEqualTo(name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void every_entry_says_what_it_is_what_triggers_it_and_what_satisfies_it(Rule rule) {
        assertThat(rule.text()).as("text").isNotBlank();
        assertThat(rule.sources()).as("sources").isNotEmpty().allSatisfy(s -> assertThat(s).isNotBlank());
        assertThat(rule.trigger().eventType()).as("trigger event type").isNotNull();
        assertThat(rule.trigger().words()).as("trigger in words").isNotBlank();
        assertThat(rule.expected().words()).as("what satisfies it in words").isNotBlank();
        assertThat(rule.expected().eventTypes()).as("expected event types").isNotEmpty();
        assertThat(rule.defaultDeadline().isNegative()).as("a negative default deadline").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void its_text_and_sources_are_those_of_its_row_in_docs_gap_rules_md(Rule rule) throws IOException {
        Optional<String> row = Files.readAllLines(DOC).stream()
                .filter(line -> line.startsWith("| " + rule.number() + " | `" + rule.id() + "` |")).findFirst();
        assertThat(row).as("the row of rule %d", rule.number()).isPresent();
        List<String> cells = Arrays.stream(row.get().split("\\|")).map(String::trim).toList();
        assertThat(cells.get(3)).as("plain language").isEqualTo(rule.text());
        assertThat(cells.get(7)).as("sources").isEqualTo(String.join("; ", rule.sources()));
    }

    @Test
    void readmission_excludes_rules_2_3_4_6_and_7_as_the_spec_says() {
        assertThat(RuleCatalogue.all().stream().filter(Rule::excludedByReadmission).map(Rule::number))
                .containsExactly(2, 3, 4, 6, 7);
    }

    @Test
    void the_default_deadlines_are_those_of_the_spec() {
        assertThat(RuleCatalogue.all().stream().map(r -> r.defaultDeadline().toHours()))
                .containsExactly(24L, 0L, 24L, 72L, 24L, 0L, 336L, 48L, 72L, 48L);
    }
}
