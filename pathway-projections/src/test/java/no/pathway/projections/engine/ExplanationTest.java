package no.pathway.projections.engine;

import static no.pathway.core.event.EndReason.COMPLETED;
import static no.pathway.projections.engine.Facts.ended;
import static no.pathway.projections.engine.Facts.h;
import static no.pathway.projections.engine.Facts.overdose;
import static no.pathway.projections.engine.Facts.sent;
import static no.pathway.projections.engine.Facts.started;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.pathway.core.event.Setting;
import org.junit.jupiter.api.Test;

class ExplanationTest {
    private final GapEngine engine = new GapEngine(RuleSet.defaults());

    @Test
    void the_trigger_names_its_service_where_the_rule_fixes_it_or_the_gap_says_and_nothing_where_neither_does() {
        List<Gap> gaps = engine.evaluate("pw", List.of(
                ended("detox", Setting.DETOX, COMPLETED, h(0)),
                started("admitted", Setting.RESIDENTIAL, h(1)),
                ended("residential", Setting.RESIDENTIAL, COMPLETED, h(2)),
                ended("prison", Setting.PRISON, COMPLETED, h(3)),
                sent("handover", "PRISON-7", Setting.DETOX, Setting.MUNICIPALITY, h(4)),
                overdose("overdose", false, h(5))), h(100), h(100));

        Map<GapRule, Setting> byRule = new EnumMap<>(GapRule.class);
        for (Gap gap : gaps) {
            Setting setting = Explanation.of(gap, gap.statusAt(h(100))).trigger().setting();
            if (setting != null) {
                byRule.merge(gap.rule(), setting, (a, b) -> a == b ? a : null);
            }
        }
        assertThat(byRule).containsEntry(GapRule.DETOX_NO_TREATMENT_24H, Setting.DETOX)
                .containsEntry(GapRule.ADMISSION_MUNICIPALITY_NOT_NOTIFIED, Setting.RESIDENTIAL)
                .containsEntry(GapRule.RELEASE_NO_CONTACT_72H, Setting.PRISON)
                .containsEntry(GapRule.HANDOVER_NOT_ACCEPTED_48H, Setting.DETOX)
                .doesNotContainKeys(GapRule.DISCHARGE_WITHOUT_HOUSING, GapRule.OVERDOSE_NO_FOLLOW_UP_48H);
        assertThat(gaps.stream().filter(g -> g.rule() == GapRule.DISCHARGE_WITHOUT_HANDOVER)
                .map(g -> g.triggeredBy() + " " + Explanation.Trigger.of(g).setting()))
                .as("the detox episode ended in a transfer to residential: no discharge to the community")
                .containsExactlyInAnyOrder("residential RESIDENTIAL", "prison PRISON");
        assertThat(gaps.stream().filter(g -> g.rule() == GapRule.NO_MUNICIPAL_CONTACT_AT_DISCHARGE)
                .map(g -> g.triggeredBy() + " " + Explanation.Trigger.of(g).setting()))
                .containsExactlyInAnyOrder("residential RESIDENTIAL", "prison PRISON");
    }
}
