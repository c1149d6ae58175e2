package no.pathway.api.ui.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import no.pathway.api.ui.layout.Languages;
import no.pathway.projections.engine.Exclusion;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapRule;
import no.pathway.projections.engine.GapStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;

class GapWordingTest {
    static final Instant T = Instant.parse("2026-03-02T08:00:00Z");
    static final GapWording WORDING = new GapWording(messages());

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static Gap gap(GapRule rule, Duration deadline, Instant closedAt, Exclusion reason) {
        return Gap.builder().id("g", "p").rule(rule, "2026.1", deadline.toMinutes())
                .trigger("s", "e", T, T.plus(deadline))
                .closed(closedAt, closedAt == null ? null : "c")
                .excluded(reason == null ? null : T.plusSeconds(3600), reason == null ? null : "x", reason)
                .context("0301", "d").build();
    }

    static String say(Gap gap, Duration after, Locale locale) {
        return WORDING.line(gap, null, T.plus(after), locale).sentence().replace('\u00a0', ' ');
    }

    @ParameterizedTest(name = "{0} after {1} ({2}): {3}")
    @CsvSource(delimiter = '|', textBlock = """
            DETOX_NO_TREATMENT_24H     | PT10H   | nb | Avrusning avsluttet for 10 t siden, ingen behandlingstime innen 24 t, 14 t igjen
            DETOX_NO_TREATMENT_24H     | PT10H   | en | Detox ended 10 h ago, no treatment appointment within 24 h, 14 h left
            DETOX_NO_TREATMENT_24H     | PT30H   | nb | Avrusning avsluttet for 30 t siden, ingen behandlingstime innen 24 t, 6 t over fristen
            DETOX_NO_TREATMENT_24H     | PT25M   | nb | Avrusning avsluttet for 25 min siden, ingen behandlingstime innen 24 t, 23 t igjen
            DISCHARGE_WITHOUT_HOUSING  | PT3H    | nb | Utskrevet for 3 t siden, ingen egnet bolig registrert, 3 t over fristen
            DISCHARGE_WITHOUT_HOUSING  | PT3H    | en | Discharged 3 h ago, no suitable housing recorded, 3 h overdue
            RELEASE_NO_CONTACT_72H     | PT1H    | nb | Løslatt fra fengsel for 1 t siden, ingen time eller oppstart innen 72 t, 71 t igjen
            NO_ACTIVITY_14D            | PT26H   | nb | Utskrevet fra døgnbehandling for 26 t siden, ingen aktivitet innen 14 døgn, 12 døgn igjen
            NO_ACTIVITY_14D            | P20D    | en | Discharged from residential treatment 20 days ago, no activity within 14 days, 6 days overdue
            HANDOVER_NOT_ACCEPTED_48H  | PT95H   | nb | Overføring sendt for 95 t siden, ikke akseptert innen 48 t, 47 t over fristen
            OVERDOSE_NO_FOLLOW_UP_48H  | PT0S    | en | Overdose 0 min ago, no follow-up within 48 h, 48 h left
            """)
    void an_unresolved_gap_says_what_happened_what_is_missing_and_by_when(GapRule rule, Duration after, String language,
                                                                        String sentence) {
        assertThat(say(gap(rule, rule.defaultDeadline(), null, null), after, Locale.forLanguageTag(language)))
                .isEqualTo(sentence);
    }

    @Test
    void a_resolved_gap_says_how_it_ended_and_no_time() {
        Gap late = gap(GapRule.DETOX_NO_TREATMENT_24H, Duration.ofHours(24), T.plus(Duration.ofHours(30)), null);
        assertThat(say(late, Duration.ofDays(3), Languages.BOKMAAL))
                .isEqualTo("Avrusning avsluttet for 72 t siden, fulgt opp for sent");
        Gap died = gap(GapRule.OVERDOSE_NO_FOLLOW_UP_48H, Duration.ofHours(48), null, Exclusion.DIED);
        assertThat(say(died, Duration.ofHours(2), Languages.ENGLISH))
                .isEqualTo("Overdose 2 h ago, no longer applicable: died");
        assertThat(WORDING.line(died, null, T.plus(Duration.ofHours(2)), Languages.ENGLISH).when()).isEmpty();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-03T08:00:00Z | nb | 3. mars 2026 kl. 09:00
            2026-03-03T08:00:00Z | en | 3 Mar 2026, 09:00
            2026-06-01T08:00:00Z | nb | 1. juni 2026 kl. 10:00
            2026-12-31T23:30:00Z | nb | 1. januar 2027 kl. 00:30
            """)
    void times_are_shown_in_oslo_time(Instant instant, String language, String shown) {
        assertThat(WORDING.time(instant, Locale.forLanguageTag(language)).replace('\u00a0', ' ')).isEqualTo(shown);
    }

    @ParameterizedTest(name = "due {0} seen at {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-03T08:00:00Z | 2026-03-02T18:00:00Z | nb | 3. mars kl. 09:00
            2026-03-03T08:00:00Z | 2026-03-02T18:00:00Z | en | 3 Mar, 09:00
            2026-01-02T08:00:00Z | 2025-12-31T18:00:00Z | nb | 2. januar 2026 kl. 09:00
            """)
    void a_deadline_shows_its_year_only_when_it_is_not_this_year(Instant due, Instant now, String language,
                                                                 String shown) {
        assertThat(WORDING.due(due, now, Locale.forLanguageTag(language)).replace('\u00a0', ' ')).isEqualTo(shown);
    }

    static Stream<Arguments> everyRuleStatusAndLanguage() {
        // a gap due at its trigger (no housing, no contact person at discharge) is never prospective after it
        return Arrays.stream(GapRule.values()).flatMap(rule -> Stream.of(GapStatus.values())
                .filter(status -> !(status == GapStatus.PROSPECTIVE && rule.defaultDeadline().isZero()))
                .flatMap(status -> Languages.ALL.stream().map(language -> Arguments.of(rule, status, language))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyRuleStatusAndLanguage")
    void every_rule_in_every_status_has_its_words_in_both_languages(GapRule rule, GapStatus status, Locale language) {
        Duration deadline = rule.defaultDeadline();
        Gap gap = switch (status) {
            case CLOSED -> gap(rule, deadline, T, null);
            case NOT_APPLICABLE -> gap(rule, deadline, null, Exclusion.READMITTED);
            default -> gap(rule, deadline, null, null);
        };
        Duration after = status == GapStatus.OPEN ? deadline.plusHours(1) : Duration.ofHours(2);
        GapLine line = WORDING.line(gap, null, T.plus(after), language);
        assertThat(line.status()).isEqualTo(status);
        assertThat(line.sentence()).doesNotContain("{", "}").isNotBlank();
        assertThat(line.rule()).isNotBlank();
        assertThat(line.statusLabel()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} ({1}): {2}")
    @CsvSource(delimiter = '|', textBlock = """
            DETOX_NO_TREATMENT_24H              | detox ended: COMPLETED                                 | Avrusning
            RELEASE_NO_CONTACT_72H              | release from prison                                    | Kriminalomsorgen
            DISCHARGE_WITHOUT_HANDOVER          | discharge from PRISON; a handover from PRISON is needed | Kriminalomsorgen
            NO_MUNICIPAL_CONTACT_AT_DISCHARGE   | discharge from RESIDENTIAL                             | Døgnbehandling
            HANDOVER_NOT_ACCEPTED_48H           | handover h-1 DETOX to MUNICIPALITY (rejected)          | Avrusning
            HANDOVER_NOT_ACCEPTED_48H           | handover PRISON-7 DETOX to MUNICIPALITY                | Avrusning
            HANDOVER_NOT_ACCEPTED_48H           | handover h-1                                           | Tjenesten som sendte overføringen
            DISCHARGE_WITHOUT_HOUSING           | housing at discharge: NONE                             | Utskrivende institusjon
            MISSED_APPOINTMENT_NO_REBOOKING_72H | missed appointment a-1                                 | Tjenesten med den uteblitte timen
            OVERDOSE_NO_FOLLOW_UP_48H           | non-fatal overdose                                     | Utenfor tjenestene (overdose)
            """)
    void the_setting_is_where_the_trigger_happened_or_in_words_what_is_known_of_it(GapRule rule, String detail,
                                                                                 String setting) {
        Gap gap = openGap(rule, detail);
        assertThat(WORDING.line(gap, null, T, Languages.BOKMAAL).setting()).isEqualTo(setting);
    }

    @Test
    void every_rule_has_a_setting_in_words_in_both_languages() {
        for (GapRule rule : GapRule.values()) {
            for (Locale locale : Languages.ALL) {
                Gap gap = openGap(rule, null);
                assertThat(WORDING.setting(gap, locale)).as("%s in %s", rule, locale).isNotBlank();
            }
        }
    }

    private static Gap openGap(GapRule rule, String detail) {
        return Gap.builder().id("g", "p").rule(rule, "2026.1", 60).trigger("s", "e", T, T.plusSeconds(3600))
                .context("0301", detail).build();
    }
}
