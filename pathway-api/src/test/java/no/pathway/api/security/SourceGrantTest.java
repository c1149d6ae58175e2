package no.pathway.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import no.pathway.api.http.FieldProblem;
import no.pathway.core.event.*;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each kind of source system may post, as the development registry grants it: a hospital its own settings, a
 * municipal system its setting and its municipality, NAV its setting, the prison service its setting. Each row: the
 * system, the fact, and the field refused (none when it may post it).
 */
class SourceGrantTest {
    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");
    private static final Set<FactType> ANSWERS = Set.of(FactType.HANDOVER_ACCEPTED, FactType.HANDOVER_REJECTED);
    private static final Map<String, SourceGrant> REGISTRY = Map.of(
            "hospital", new SourceGrant(Set.of(Setting.DETOX, Setting.OUTPATIENT, Setting.RESIDENTIAL),
                    Set.of(FactType.HANDOVER_ACCEPTED, FactType.HOUSING_RECORDED, FactType.APPOINTMENT_MISSED), null),
            "municipality", new SourceGrant(Set.of(Setting.MUNICIPALITY),
                    Set.of(FactType.HOUSING_RECORDED, FactType.ACTIVITY_RECORDED), Set.of("0301")),
            "nav", new SourceGrant(Set.of(Setting.NAV), Set.of(FactType.ACTIVITY_RECORDED), null),
            "prison", new SourceGrant(Set.of(Setting.PRISON), ANSWERS, Set.of()),
            "demo", new SourceGrant(Set.of(Setting.values()), SourceGrant.WITHOUT_SETTING, Set.of("*")));

    private static EventMeta meta(String municipality) {
        return new EventMeta("e1", "x", T, null, municipality, null);
    }

    private static EventMeta meta() {
        return meta(null);
    }

    static Stream<Arguments> facts() {
        return Stream.of(
                Arguments.of("hospital", new EpisodeEnded(meta("0301"), "ep", Setting.DETOX, EndReason.COMPLETED),
                        null),
                Arguments.of("hospital", new EpisodeStarted(meta(), "ep", Setting.PRISON, null), "setting"),
                Arguments.of("hospital", new AppointmentBooked(meta(), "a", Setting.OUTPATIENT, T, null), null),
                Arguments.of("hospital", new AppointmentBooked(meta(), "a", Setting.NAV, T, null), "setting"),
                Arguments.of("hospital", new ContactAssigned(meta(), Setting.MUNICIPALITY, ContactRole.COORDINATOR),
                        "setting"),
                Arguments.of("hospital", new HandoverSent(meta(), "h", Setting.DETOX, Setting.MUNICIPALITY, null),
                        null),
                Arguments.of("hospital", new HandoverSent(meta(), "h", Setting.PRISON, Setting.DETOX, null),
                        "fromSetting"),
                Arguments.of("hospital", new HandoverAccepted(meta(), "h"), null),
                Arguments.of("hospital", new HandoverRejected(meta(), "h", null), "type"),
                Arguments.of("hospital", new HousingRecorded(meta("4601"), Housing.OWN), null),
                Arguments.of("hospital", new AppointmentMissed(meta(), "a"), null),
                Arguments.of("hospital", new AppointmentCancelled(meta(), "a"), "type"),
                Arguments.of("hospital", new PersonDied(meta()), "type"),
                Arguments.of("hospital", new EventRetracted(meta(), "e0", "entered in error"), null),
                Arguments.of("municipality", new ContactAssigned(meta("0301"), Setting.MUNICIPALITY,
                        ContactRole.COORDINATOR), null),
                Arguments.of("municipality", new ActivityRecorded(meta("4601"), Activity.WORK), "municipality"),
                Arguments.of("municipality", new HousingRecorded(meta(), Housing.SUPPORTED), null),
                Arguments.of("municipality", new EventRetracted(meta("4601"), "e0", "entered in error"),
                        "municipality"),
                Arguments.of("municipality", new EpisodeStarted(meta("0301"), "ep", Setting.DETOX, null), "setting"),
                Arguments.of("nav", new EpisodeStarted(meta("1103"), "ep", Setting.NAV, null), null),
                Arguments.of("nav", new ActivityRecorded(meta("5001"), Activity.WORK_TRAINING), null),
                Arguments.of("nav", new HousingRecorded(meta(), Housing.NONE), "type"),
                Arguments.of("prison", new EpisodeEnded(meta(), "ep", Setting.PRISON, EndReason.RELEASED), null),
                Arguments.of("prison", new HandoverSent(meta(), "h", Setting.PRISON, Setting.MUNICIPALITY, null), null),
                Arguments.of("prison", new EpisodeEnded(meta(), "ep", Setting.DETOX, EndReason.COMPLETED), "setting"),
                Arguments.of("prison", new OverdoseRecorded(meta(), false), "type"),
                Arguments.of("demo", new OverdoseRecorded(meta("9999"), true), null),
                Arguments.of("demo", new EpisodeStarted(meta("5501"), "ep", Setting.PRISON, null), null));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("facts")
    void a_source_posts_only_what_it_is_registered_for(String system, PathwayEvent fact, String refusedField) {
        var refusals = REGISTRY.get(system).refusals(fact).stream().map(FieldProblem::field).toList();
        if (refusedField == null) {
            assertThat(refusals).isEmpty();
        } else {
            assertThat(refusals).containsExactly(refusedField);
        }
    }

    static Stream<Arguments> badRegistries() {
        return Stream.of(
                Arguments.of(new SourceGrant(Set.of(Setting.MUNICIPALITY), null, null), "names its municipalities"),
                Arguments.of(new SourceGrant(null, Set.of(FactType.EPISODE_STARTED), null), "granted by its setting"),
                Arguments.of(new SourceGrant(null, Set.of(FactType.GAP_ACKNOWLEDGED), null), "granted by its setting"),
                Arguments.of(new SourceGrant(null, null, null), "at least one setting or type"),
                Arguments.of(new SourceGrant(Set.of(Setting.NAV), null, Set.of("301")), "4 digits"),
                Arguments.of(new SourceGrant(Set.of(Setting.NAV), null, Set.of("*", "0301")), "* stands alone"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badRegistries")
    void a_grant_that_makes_no_sense_refuses_the_start_naming_the_property(SourceGrant grant, String problem) {
        assertThatThrownBy(() -> new SourceRegistry(Map.of("some-system", grant)))
                .hasMessageContaining("pathway.sources.some-system.").hasMessageContaining(problem);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"hospital-x", "HOSPITAL", "hospital ", ""})
    void a_client_not_in_the_registry_has_no_grant(String client) {
        SourceRegistry registry = new SourceRegistry(REGISTRY);
        assertThat(registry.grant("hospital")).isPresent();
        assertThat(registry.grant(client)).isEmpty();
    }
}
