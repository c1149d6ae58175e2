package no.pathway.api.ui.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.pathway.api.ui.gaps.GapLine;
import no.pathway.api.ui.gaps.GapWording;
import no.pathway.core.event.AppointmentBooked;
import no.pathway.core.event.EndReason;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.EventMeta;
import no.pathway.core.event.EventRetracted;
import no.pathway.core.event.FollowUpOutcome;
import no.pathway.core.event.OverdoseRecorded;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;
import no.pathway.projections.engine.Gap;
import no.pathway.projections.engine.GapRule;
import no.pathway.projections.gaps.FollowUp;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class TimelineBuilderTest {
    private static final Locale NB = Locale.forLanguageTag("nb");
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");

    private final ResourceBundleMessageSource messages = messages();
    private final GapWording wording = new GapWording(messages);
    private final TimelineBuilder builder = new TimelineBuilder(messages, wording);

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static EventMeta meta(String id, Instant at) {
        return new EventMeta(id, "dips", at, at, "0301", null);
    }

    private static final Gap GAP = Gap.builder().id("11111111-1111-1111-1111-111111111111", "p")
            .rule(GapRule.DETOX_NO_TREATMENT_24H, "1", 1440)
            .trigger("dips", "e2", T0.plusSeconds(3600 * 24), T0.plusSeconds(3600 * 48))
            .context("0301", "detox ended").build();

    private Timeline build(List<PathwayEvent> events, Map<String, FollowUp> followUps) {
        GapLine line = wording.line(GAP, null, NOW, NB);
        return builder.build(events, List.of(GAP), List.of(line), followUps, Map.of(GAP.gapId(), "deg"), NOW, NB);
    }

    @Test
    void an_episode_is_a_bar_in_its_services_lane_and_an_overdose_a_line_across_all_lanes() {
        Timeline t = build(List.of(
                new EpisodeStarted(meta("e1", T0), "ep", Setting.DETOX, null),
                new EpisodeEnded(meta("e2", T0.plusSeconds(3600 * 24)), "ep", Setting.DETOX, EndReason.COMPLETED),
                new OverdoseRecorded(meta("e3", T0.plusSeconds(3600 * 30)), false)), Map.of());

        assertThat(t.lanes()).extracting(Timeline.Lane::name).containsExactly("Avrusning", "Poliklinikk",
                "Døgnbehandling", "Kommunen", "NAV", "Kriminalomsorgen");
        Timeline.Bar detox = t.lanes().get(0).bars().get(0);
        assertThat(detox.kind()).isEqualTo("episode");
        assertThat(percent(detox.x())).isBetween(0.0, 5.0);
        assertThat(percent(detox.width())).isBetween(40.0, 55.0);
        assertThat(t.lanes()).allSatisfy(l -> assertThat(l.alarms()).hasSize(1));
        assertThat(t.lanes().get(3).marks()).extracting(Timeline.Mark::kind).containsExactly("overdose");
        assertThat(t.rows()).extracting(r -> plain(r.what())).containsExactly("Avrusning startet",
                "Avrusning avsluttet: fullført", "Behandling etter avrusning: Over frist, frist 3. mars 2026 kl. 09:00",
                "Overdose");
        assertThat(plain(t.rows().get(0).time())).isEqualTo("1. mars 2026 kl. 09:00");
        assertThat(percent(t.nowX())).isBetween(90.0, 100.0);
    }

    @Test
    void a_retracted_event_is_not_drawn_and_an_appointment_is_drawn_at_its_scheduled_time() {
        Instant scheduled = T0.plusSeconds(3600 * 40);
        Timeline t = build(List.of(
                new OverdoseRecorded(meta("e1", T0), false),
                new EventRetracted(meta("r1", T0.plusSeconds(60)), "e1", "entered in error"),
                new AppointmentBooked(meta("e2", T0.plusSeconds(3600)), "a1", Setting.OUTPATIENT, scheduled, null)),
                Map.of());

        assertThat(t.lanes()).allSatisfy(l -> assertThat(l.alarms()).isEmpty());
        assertThat(t.lanes().get(1).marks()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("appointment");
            assertThat(plain(m.title())).endsWith("Time i Poliklinikk booket til 3. mars 2026 kl. 01:00");
        });
    }

    @Test
    void a_gaps_window_runs_from_trigger_to_deadline_with_its_assignment_and_attempts() {
        FollowUp work = new FollowUp(new FollowUp.Assignment(NOW.minusSeconds(600), "user-1", "user-1"),
                List.of(new FollowUp.Attempt(NOW.minusSeconds(300), "user-1", FollowUpOutcome.REACHED, "avtalt")));
        Timeline t = build(List.of(new EpisodeStarted(meta("e1", T0), "ep", Setting.DETOX, null)),
                Map.of(GAP.gapId(), work));

        Timeline.GapTrack track = t.gaps().get(0);
        assertThat(track.label()).isEqualTo("Behandling etter avrusning");
        assertThat(track.window().kind()).isEqualTo("gap-danger");
        assertThat(percent(track.window().x()) + percent(track.window().width())).isLessThan(percent(t.nowX()));
        assertThat(track.marks()).extracting(Timeline.Mark::kind).containsExactly("assigned", "attempt");
        assertThat(t.rows()).extracting(Timeline.Row::what).endsWith("Behandling etter avrusning: tildelt deg",
                "Behandling etter avrusning: oppfølgingsforsøk, Nådd – avtalt");
    }

    private static double percent(String value) {
        return Double.parseDouble(value.substring(0, value.length() - 1));
    }

    /** The text with the no-break spaces the Norwegian time pattern puts in ("3.\u00a0mars", "kl.\u00a0") as spaces. */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ');
    }
}
