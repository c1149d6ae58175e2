package no.pathway.api.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import no.pathway.api.ui.layout.Languages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OsloTimeTest {
    private static final Instant SEVEN_IN_OSLO = Instant.parse("2026-03-03T06:00:00Z");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"03.03.2026 07:00", "3.3.2026 7:00", "03/03/2026 07:00", "2026-03-03T07:00",
            "2026-03-03T07:00:00", " 03.03.2026 07:00 "})
    void a_time_is_understood_in_either_language_and_in_iso_as_norwegian_time(String typed) {
        OsloTime time = OsloTime.parse(typed, null);
        assertThat(time.invalid()).isFalse();
        assertThat(time.instant()).isEqualTo(SEVEN_IN_OSLO);
    }

    @Test
    void a_summer_time_is_norwegian_summer_time() {
        assertThat(OsloTime.parse("01.07.2026 12:00", null).instant()).isEqualTo(Instant.parse("2026-07-01T10:00:00Z"));
    }

    @Test
    void a_time_is_shown_as_the_page_language_writes_it_and_links_carry_iso() {
        OsloTime time = OsloTime.of(SEVEN_IN_OSLO);
        assertThat(time.shown(Languages.BOKMAAL)).isEqualTo("03.03.2026 07:00");
        assertThat(time.shown(Locale.ENGLISH)).isEqualTo("03/03/2026 07:00");
        assertThat(time.iso()).isEqualTo("2026-03-03T07:00");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"03.03.2026", "31.02.2026 07:00", "03.03.2026 25:00", "kl. 7", "03.03.2026 07:00:00:00",
            "2026-03-03T07:00:00.000000000000000"})
    void what_is_not_a_time_is_reported_and_not_shown_again(String typed) {
        OsloTime time = OsloTime.parse(typed, SEVEN_IN_OSLO);
        assertThat(time.error()).isEqualTo(OsloTime.INVALID);
        assertThat(time.shown(Languages.BOKMAAL)).isEmpty();
        assertThat(time.iso()).isEmpty();
    }

    @Test
    void a_time_the_service_cannot_judge_is_reported_as_such() {
        assertThat(OsloTime.parse("01.01.1850 12:00", null).error()).isEqualTo(OsloTime.OUT_OF_RANGE);
    }

    @Test
    void an_empty_field_is_the_fallback() {
        assertThat(OsloTime.parse(" ", SEVEN_IN_OSLO)).isEqualTo(OsloTime.of(SEVEN_IN_OSLO));
    }

    @Test
    void now_shows_as_the_coming_minute_so_a_form_sent_back_knows_every_event_recorded_by_now() {
        Instant now = Instant.parse("2026-12-02T11:59:37.123Z");
        String shown = OsloTime.of(now).shown(Languages.BOKMAAL);
        assertThat(shown).isEqualTo("02.12.2026 13:00");
        assertThat(OsloTime.parse(shown, null).instant()).isAfterOrEqualTo(now);
    }
}
