package no.pathway.projections.engine;

import static org.assertj.core.api.Assertions.assertThat;

import no.pathway.core.event.Setting;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TriggerDetailTest {

    @ParameterizedTest
    @EnumSource(Setting.class)
    void a_discharge_detail_gives_back_its_setting(Setting from) {
        assertThat(TriggerDetail.dischargeSetting(TriggerDetail.discharge(from) + "; a handover from " + from
                + " is needed")).isEqualTo(from);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h-1", "PRISON-7", "RESIDENTIAL", "a to b", "x (rejected)"})
    void a_handover_detail_gives_back_the_setting_it_was_sent_from_whatever_its_id(String id) {
        for (boolean rejected : new boolean[]{false, true}) {
            assertThat(TriggerDetail.handoverFrom(TriggerDetail.handover(id, Setting.DETOX, Setting.PRISON, rejected)))
                    .as("%s, rejected: %s", id, rejected).isEqualTo(Setting.DETOX);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "discharge from", "discharge from NOWHERE", "handover h-1", "handover h-1 X to Y",
            "release from PRISON", "discharged from PRISON"})
    void a_detail_in_another_wording_gives_no_setting_rather_than_a_wrong_one(String detail) {
        assertThat(TriggerDetail.dischargeSetting(detail)).isNull();
        assertThat(TriggerDetail.handoverFrom(detail)).isNull();
    }
}
