package no.pathway.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.pathway.projections.engine.GapRule;
import no.pathway.projections.engine.RuleVersions;
import org.junit.jupiter.api.Test;

/** The configured rule versions: an Oslo date of effect, and each version keeps what it does not change. */
class RulePropertiesTest {

    @Test
    void the_single_version_configuration_of_before_is_one_version_in_force_from_the_beginning() {
        RuleVersions versions = new RuleProperties("2026.1", Map.of(GapRule.NO_ACTIVITY_14D, Duration.ofDays(10)),
                null).toVersions();
        assertThat(versions.versions()).hasSize(1);
        assertThat(versions.at(Instant.parse("2000-01-01T00:00:00Z")).deadline(GapRule.NO_ACTIVITY_14D))
                .isEqualTo(Duration.ofDays(10));
    }

    @Test
    void a_later_version_takes_effect_at_midnight_in_oslo_and_keeps_the_deadlines_it_does_not_name() {
        RuleVersions versions = new RuleProperties("2026.1", Map.of(GapRule.NO_ACTIVITY_14D, Duration.ofDays(10)),
                List.of(new RuleProperties.Version("2027.1", LocalDate.parse("2027-03-01"),
                        Map.of(GapRule.DETOX_NO_TREATMENT_24H, Duration.ofHours(12))))).toVersions();
        Instant midnightInOslo = Instant.parse("2027-02-28T23:00:00Z");
        assertThat(versions.at(midnightInOslo.minusSeconds(1)).version()).isEqualTo("2026.1");
        assertThat(versions.at(midnightInOslo).version()).isEqualTo("2027.1");
        assertThat(versions.at(midnightInOslo).deadline(GapRule.DETOX_NO_TREATMENT_24H)).isEqualTo(Duration.ofHours(12));
        assertThat(versions.at(midnightInOslo).deadline(GapRule.NO_ACTIVITY_14D)).isEqualTo(Duration.ofDays(10));
        assertThat(versions.at(midnightInOslo).deadline(GapRule.OVERDOSE_NO_FOLLOW_UP_48H))
                .isEqualTo(Duration.ofHours(48));
    }

    @Test
    void a_version_without_a_name_or_a_date_stops_the_start() {
        assertThatThrownBy(() -> new RuleProperties(null, null, List.of(new RuleProperties.Version("2027.1", null,
                null))).toVersions()).hasMessageContaining("versions[0].effective-from");
        assertThatThrownBy(() -> new RuleProperties(null, null, List.of(new RuleProperties.Version(" ",
                LocalDate.parse("2027-03-01"), null))).toVersions()).hasMessageContaining("versions[0].version");
    }
}
