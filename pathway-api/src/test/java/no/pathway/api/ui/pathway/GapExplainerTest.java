package no.pathway.api.ui.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import no.pathway.api.ui.gaps.GapWording;
import no.pathway.projections.engine.Exclusion;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapRule;
import no.pathway.projections.engine.Rule;
import no.pathway.projections.engine.RuleCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The pathway page explains every rule's gaps in both languages: a rule without its texts (an 11th rule added to
 * the catalogue without them) fails here, as a missing message is an error, not a key shown to the reader.
 */
class GapExplainerTest {
    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");
    private static final Locale NB = Locale.forLanguageTag("nb");
    private final GapExplainer explainer;

    GapExplainerTest() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/audit");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        explainer = new GapExplainer(messages, new GapWording(messages));
    }

    private static Gap.Builder gap(GapRule rule) {
        Duration deadline = rule.defaultDeadline();
        return Gap.builder().id("g", "p").rule(rule, "2026.1", deadline.toMinutes())
                .trigger("s", "e-1", T, T.plus(deadline)).context("0301", "d");
    }

    @ParameterizedTest
    @EnumSource(GapRule.class)
    void every_rule_is_explained_in_bokmal_and_english(GapRule rule) {
        for (Locale locale : new Locale[] {NB, Locale.ENGLISH}) {
            GapExplainer.Lines lines = explainer.explain(gap(rule).build(), T.plus(Duration.ofHours(1)), locale);
            assertThat(lines.trigger()).contains("e-1");
            assertThat(lines.expected()).isNotBlank();
            assertThat(lines.window()).isNotBlank();
            assertThat(lines.settled()).as("open: nothing settled it").isNull();
            assertThat(lines.version()).contains("2026.1");
        }
        Rule entry = RuleCatalogue.of(rule);
        assertThat(entry.expected().eventTypes()).isNotEmpty();
    }

    @Test
    void a_closed_gap_names_what_closed_it_and_an_excluded_one_what_excluded_it() {
        GapExplainer.Lines closed = explainer.explain(gap(GapRule.DETOX_NO_TREATMENT_24H)
                .closed(T.plus(Duration.ofHours(2)), "booking-7").build(), T.plus(Duration.ofHours(3)), NB);
        assertThat(closed.trigger()).startsWith("Utløst av: Episode avsluttet (e-1), ");
        assertThat(closed.settled()).isEqualTo("Lukket av hendelse booking-7");
        assertThat(closed.version()).isEqualTo("Regelversjon 2026.1, frist 24\u00a0t");

        GapExplainer.Lines excluded = explainer.explain(gap(GapRule.OVERDOSE_NO_FOLLOW_UP_48H)
                .excluded(T.plus(Duration.ofHours(2)), "died-1", Exclusion.DIED).build(), T.plus(Duration.ofHours(3)),
                Locale.ENGLISH);
        assertThat(excluded.trigger()).startsWith("Triggered by: Overdose recorded (e-1), ");
        assertThat(excluded.settled()).isEqualTo("Excluded by event died-1");
    }
}
