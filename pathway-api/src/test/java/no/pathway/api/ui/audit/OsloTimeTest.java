package no.pathway.api.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OsloTimeTest {

    @Test
    void a_chosen_minute_shows_as_itself() {
        assertThat(OsloTime.field(Instant.parse("2026-03-03T06:00:00Z"))).isEqualTo("2026-03-03T07:00");
    }

    @Test
    void now_shows_as_the_coming_minute_so_a_form_sent_back_knows_every_event_recorded_by_now() {
        Instant now = Instant.parse("2026-12-02T11:59:37.123Z");
        String shown = OsloTime.field(now);
        assertThat(shown).isEqualTo("2026-12-02T13:00");
        assertThat(OsloTime.parse("knownAt", shown, null)).isAfterOrEqualTo(now);
    }
}
