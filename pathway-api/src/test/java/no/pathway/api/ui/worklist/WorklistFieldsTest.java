package no.pathway.api.ui.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import no.pathway.api.ui.gaps.Assignee;
import no.pathway.api.ui.layout.Languages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorklistFieldsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"31.03.2026", "31.3.2026", "31/03/2026", "2026-03-31", " 31.03.2026 "})
    void a_due_date_is_understood_in_either_language_and_in_iso(String typed) {
        DueDate due = DueDate.parse(typed);
        assertThat(due.invalid()).isFalse();
        assertThat(due.date()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(due.endOfDay()).as("the start of 1 April in Oslo (summer time)")
                .isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
    }

    @Test
    void a_due_date_is_shown_as_the_page_language_writes_it() {
        DueDate due = DueDate.parse("2026-03-01");
        assertThat(due.shown(Languages.BOKMAAL)).isEqualTo("01.03.2026");
        assertThat(due.shown(Locale.ENGLISH)).isEqualTo("01/03/2026");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"31.02.2026", "2026-13-01", "tomorrow", "3103202"})
    void what_is_not_a_date_is_reported_and_not_shown_again(String typed) {
        DueDate due = DueDate.parse(typed);
        assertThat(due.invalid()).isTrue();
        assertThat(due.endOfDay()).isNull();
        assertThat(due.shown(Languages.BOKMAAL)).isEmpty();
    }

    @Test
    void no_due_date_is_no_filter_and_no_error() {
        assertThat(DueDate.parse(null)).isEqualTo(new DueDate(null, false));
    }

    @Test
    void the_reader_is_you_and_a_long_id_is_shortened_with_the_whole_id_kept() {
        String uuid = "3f2a9c1e-7b4d-4e0a-9c55-0d6b2e8f1a90";
        assertThat(Assignee.of(uuid, uuid, "deg", Map.of())).isEqualTo(new Assignee("deg", null, true));
        assertThat(Assignee.of(uuid, "someone-else", "deg", Map.of()))
                .isEqualTo(new Assignee("3f2a9c1e…", uuid, false));
        assertThat(Assignee.of("kari", "someone-else", "deg", Map.of())).isEqualTo(new Assignee("kari", null, false));
    }

    @Test
    void a_colleague_is_shown_by_the_name_they_logged_in_with_and_the_reader_is_still_you() {
        String uuid = "3f2a9c1e-7b4d-4e0a-9c55-0d6b2e8f1a90";
        Map<String, String> names = Map.of(uuid, "Berit Bakke");
        assertThat(Assignee.of(uuid, "someone-else", "deg", names))
                .isEqualTo(new Assignee("Berit Bakke", null, false));
        assertThat(Assignee.of(uuid, uuid, "deg", names)).isEqualTo(new Assignee("deg", null, true));
    }
}
