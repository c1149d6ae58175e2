package no.pathway.projections.engine;

import static no.pathway.core.event.EndReason.COMPLETED;
import static no.pathway.core.event.EndReason.DIED;
import static no.pathway.core.event.EndReason.PATIENT_LEFT;
import static no.pathway.core.event.EndReason.RELEASED;
import static no.pathway.core.event.EndReason.TRANSFERRED;
import static no.pathway.core.event.Housing.NONE;
import static no.pathway.core.event.Housing.OWN;
import static no.pathway.core.event.Housing.SUPPORTED;
import static no.pathway.core.event.Housing.TEMPORARY;
import static no.pathway.core.event.Setting.DETOX;
import static no.pathway.core.event.Setting.MUNICIPALITY;
import static no.pathway.core.event.Setting.NAV;
import static no.pathway.core.event.Setting.OUTPATIENT;
import static no.pathway.core.event.Setting.PRISON;
import static no.pathway.core.event.Setting.RESIDENTIAL;
import static no.pathway.projections.engine.Exclusion.READMITTED;
import static no.pathway.projections.engine.Facts.*;
import static no.pathway.projections.engine.GapRule.*;
import static no.pathway.projections.engine.GapStatus.CLOSED;
import static no.pathway.projections.engine.GapStatus.NOT_APPLICABLE;
import static no.pathway.projections.engine.GapStatus.OPEN;
import static no.pathway.projections.engine.GapStatus.PROSPECTIVE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import no.pathway.core.event.PathwayEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule with its boundaries (exactly at the deadline, one minute past), every exclusion and every
 * reopening. One row: the events, the rule and trigger, the time of judgement, and the expected status,
 * closing time and exclusion reason. {@code T} is 2026-03-02T08:00Z; {@code h(x)} is x hours after it.
 */
class GapEngineTableTest {
    private static final double MINUTE = 1.0 / 60;
    private static final double DAY = 24;
    private final GapEngine engine = new GapEngine(RuleSet.defaults());

    /** Expected: a gap with this status (closedAt when CLOSED, reason when NOT_APPLICABLE). */
    record Expect(GapStatus status, Instant closedAt, Exclusion reason) {
    }

    static Expect prospective() {
        return new Expect(PROSPECTIVE, null, null);
    }

    static Expect open() {
        return new Expect(OPEN, null, null);
    }

    static Expect closedAt(double hours) {
        return new Expect(CLOSED, h(hours), null);
    }

    static Expect excluded(Exclusion reason) {
        return new Expect(NOT_APPLICABLE, null, reason);
    }

    static Arguments row(String name, GapRule rule, String trigger, double at, Expect expect, PathwayEvent... events) {
        return Arguments.of(name, rule, trigger, at, expect, List.of(events));
    }

    static Stream<Arguments> rows() {
        PathwayEvent detoxEnd = ended("end", DETOX, COMPLETED, h(0));
        PathwayEvent residentialEnd = ended("end", RESIDENTIAL, COMPLETED, h(0));
        PathwayEvent release = ended("end", PRISON, RELEASED, h(0));
        return Stream.of(
                // 1 DETOX_NO_TREATMENT_24H
                row("detox: nothing, exactly at the deadline", DETOX_NO_TREATMENT_24H, "end", 24, prospective(), detoxEnd),
                row("detox: nothing, one minute past", DETOX_NO_TREATMENT_24H, "end", 24 + MINUTE, open(), detoxEnd),
                row("detox: booked before discharge", DETOX_NO_TREATMENT_24H, "end", 1, closedAt(0),
                        booked("b", "a", OUTPATIENT, h(20), h(-2)), detoxEnd),
                row("detox: booked after discharge closes at the booking", DETOX_NO_TREATMENT_24H, "end", 4,
                        closedAt(3), detoxEnd, booked("b", "a", OUTPATIENT, h(10), h(3))),
                row("detox: the booking is not seen before it happens", DETOX_NO_TREATMENT_24H, "end", 2,
                        prospective(), detoxEnd, booked("b", "a", OUTPATIENT, h(10), h(3))),
                row("detox: scheduled exactly at t + 24 h", DETOX_NO_TREATMENT_24H, "end", 25, closedAt(1),
                        detoxEnd, booked("b", "a", RESIDENTIAL, h(24), h(1))),
                row("detox: scheduled one minute after t + 24 h", DETOX_NO_TREATMENT_24H, "end", 25, open(),
                        detoxEnd, booked("b", "a", OUTPATIENT, h(24 + MINUTE), h(1))),
                row("detox: scheduled before the discharge", DETOX_NO_TREATMENT_24H, "end", 25, open(),
                        booked("b", "a", OUTPATIENT, h(-MINUTE), h(-5)), detoxEnd),
                row("detox: an appointment at NAV is no treatment", DETOX_NO_TREATMENT_24H, "end", 25, open(),
                        detoxEnd, booked("b", "a", NAV, h(5), h(1))),
                row("detox: cancelled appointment reopens", DETOX_NO_TREATMENT_24H, "end", 6, prospective(),
                        detoxEnd, booked("b", "a", OUTPATIENT, h(10), h(1)), cancelled("c", "a", h(5))),
                row("detox: closed until the cancellation", DETOX_NO_TREATMENT_24H, "end", 4, closedAt(1),
                        detoxEnd, booked("b", "a", OUTPATIENT, h(10), h(1)), cancelled("c", "a", h(5))),
                row("detox: missed appointment is not live", DETOX_NO_TREATMENT_24H, "end", 25, open(),
                        detoxEnd, booked("b", "a", OUTPATIENT, h(10), h(1)), missed("m", "a", h(10))),
                row("detox: attended appointment stays live", DETOX_NO_TREATMENT_24H, "end", 25, closedAt(1),
                        detoxEnd, booked("b", "a", OUTPATIENT, h(10), h(1)), attended("x", "a", h(10))),
                row("detox: rebooked after a cancellation with the same id", DETOX_NO_TREATMENT_24H, "end", 25,
                        closedAt(3), detoxEnd, booked("b1", "a", OUTPATIENT, h(10), h(1)),
                        cancelled("c", "a", h(2)), booked("b2", "a", OUTPATIENT, h(12), h(3))),
                row("detox: rescheduled out of the window reopens", DETOX_NO_TREATMENT_24H, "end", 3, prospective(),
                        detoxEnd, booked("b1", "a", OUTPATIENT, h(10), h(1)),
                        booked("b2", "a", OUTPATIENT, h(30), h(2))),
                row("detox: treatment start exactly 1 h before", DETOX_NO_TREATMENT_24H, "end", 1, closedAt(0),
                        started("s", OUTPATIENT, h(-1)), detoxEnd),
                row("detox: treatment start 61 minutes before", DETOX_NO_TREATMENT_24H, "end", 25, open(),
                        started("s", OUTPATIENT, h(-1 - MINUTE)), detoxEnd),
                row("detox: treatment start at t + 24 h", DETOX_NO_TREATMENT_24H, "end", 24, closedAt(24),
                        detoxEnd, started("s", OUTPATIENT, h(24))),
                row("detox: transfer to residential meets the guarantee", DETOX_NO_TREATMENT_24H, "end", 1,
                        closedAt(0), ended("end", DETOX, TRANSFERRED, h(0)), started("s", RESIDENTIAL, h(0))),
                row("detox: drop-out is a trigger too", DETOX_NO_TREATMENT_24H, "end", 25, open(),
                        ended("end", DETOX, PATIENT_LEFT, h(0))),
                row("detox: retracted booking does not close", DETOX_NO_TREATMENT_24H, "end", 25, open(),
                        detoxEnd, booked("b", "a", OUTPATIENT, h(10), h(1)), retracted("r", "b", h(2))),
                row("detox: death before follow-up", DETOX_NO_TREATMENT_24H, "end", 30, excluded(Exclusion.DIED),
                        detoxEnd, died("d", h(20))),
                row("detox: before the death it was still prospective", DETOX_NO_TREATMENT_24H, "end", 19,
                        prospective(), detoxEnd, died("d", h(20))),
                row("detox: fatal overdose is a death", DETOX_NO_TREATMENT_24H, "end", 30, excluded(Exclusion.DIED),
                        detoxEnd, overdose("o", true, h(26))),
                row("detox: closed before death stays closed", DETOX_NO_TREATMENT_24H, "end", 30, closedAt(1),
                        detoxEnd, booked("b", "a", OUTPATIENT, h(10), h(1)), died("d", h(5))),

                // 2 DISCHARGE_WITHOUT_HOUSING
                row("housing: own home before discharge", DISCHARGE_WITHOUT_HOUSING, "end", 1, closedAt(0),
                        housing("h", OWN, h(-100)), residentialEnd),
                row("housing: supported housing at exactly t", DISCHARGE_WITHOUT_HOUSING, "end", 0, closedAt(0),
                        residentialEnd, housing("h", SUPPORTED, h(0))),
                row("housing: temporary, judged at t", DISCHARGE_WITHOUT_HOUSING, "end", 0, prospective(),
                        housing("h", TEMPORARY, h(-5)), residentialEnd),
                row("housing: temporary, one minute after", DISCHARGE_WITHOUT_HOUSING, "end", MINUTE, open(),
                        housing("h", TEMPORARY, h(-5)), residentialEnd),
                row("housing: unknown", DISCHARGE_WITHOUT_HOUSING, "end", 1, open(), residentialEnd),
                row("housing: the latest record before t counts", DISCHARGE_WITHOUT_HOUSING, "end", 1, open(),
                        housing("h1", OWN, h(-100)), housing("h2", NONE, h(-2)), residentialEnd),
                row("housing: supported later closes late", DISCHARGE_WITHOUT_HOUSING, "end", 73, closedAt(72),
                        housing("h1", NONE, h(-100)), residentialEnd, housing("h2", SUPPORTED, h(72))),
                row("housing: temporary later does not close", DISCHARGE_WITHOUT_HOUSING, "end", 73, open(),
                        residentialEnd, housing("h2", TEMPORARY, h(72))),
                row("housing: detox discharge is a community discharge", DISCHARGE_WITHOUT_HOUSING, "end", 1, open(),
                        detoxEnd),
                row("housing: prison release", DISCHARGE_WITHOUT_HOUSING, "end", 1, closedAt(0),
                        housing("h", SUPPORTED, h(-1)), release),
                row("housing: readmission 61 minutes later excludes", DISCHARGE_WITHOUT_HOUSING, "end", 2,
                        excluded(READMITTED), residentialEnd, started("s", "res-2", RESIDENTIAL, h(1 + MINUTE))),
                row("housing: open until the readmission", DISCHARGE_WITHOUT_HOUSING, "end", 1, open(),
                        residentialEnd, started("s", "res-2", DETOX, h(1 + MINUTE))),
                row("housing: closed before the readmission stays closed", DISCHARGE_WITHOUT_HOUSING, "end", 50,
                        closedAt(10), residentialEnd, housing("h", OWN, h(10)),
                        started("s", "res-2", PRISON, h(48))),
                row("housing: death after discharge", DISCHARGE_WITHOUT_HOUSING, "end", 50, excluded(Exclusion.DIED),
                        residentialEnd, died("d", h(48))),

                // 3 DISCHARGE_WITHOUT_HANDOVER
                row("handover: sent during the stay", DISCHARGE_WITHOUT_HANDOVER, "end", 1, closedAt(0),
                        started("s", RESIDENTIAL, h(-100)), sent("ho", "h", RESIDENTIAL, MUNICIPALITY, h(-50)),
                        residentialEnd),
                row("handover: sent before the stay began", DISCHARGE_WITHOUT_HANDOVER, "end", 24, prospective(),
                        sent("ho", "h", RESIDENTIAL, MUNICIPALITY, h(-101)), started("s", RESIDENTIAL, h(-100)),
                        residentialEnd),
                row("handover: none, one minute past", DISCHARGE_WITHOUT_HANDOVER, "end", 24 + MINUTE, open(),
                        started("s", RESIDENTIAL, h(-100)), residentialEnd),
                row("handover: from another setting", DISCHARGE_WITHOUT_HANDOVER, "end", 25, open(),
                        started("s", RESIDENTIAL, h(-100)), sent("ho", "h", DETOX, MUNICIPALITY, h(-50)),
                        residentialEnd),
                row("handover: sent after discharge, late", DISCHARGE_WITHOUT_HANDOVER, "end", 31, closedAt(30),
                        started("s", RESIDENTIAL, h(-100)), residentialEnd,
                        sent("ho", "h", RESIDENTIAL, NAV, h(30))),
                row("handover: start unknown, exactly 90 days before", DISCHARGE_WITHOUT_HANDOVER, "end", 1,
                        closedAt(0), sent("ho", "h", RESIDENTIAL, MUNICIPALITY, h(-90 * DAY)), residentialEnd),
                row("handover: start unknown, 90 days and a minute before", DISCHARGE_WITHOUT_HANDOVER, "end", 25,
                        open(), sent("ho", "h", RESIDENTIAL, MUNICIPALITY, h(-90 * DAY - MINUTE)), residentialEnd),
                row("handover: readmission before any handover", DISCHARGE_WITHOUT_HANDOVER, "end", 30,
                        excluded(READMITTED), residentialEnd, started("s", "res-2", RESIDENTIAL, h(20)),
                        sent("ho", "h", RESIDENTIAL, MUNICIPALITY, h(25))),

                // 4 RELEASE_NO_CONTACT_72H
                row("release: nothing at 72 h", RELEASE_NO_CONTACT_72H, "end", 72, prospective(), release),
                row("release: nothing at 72 h and a minute", RELEASE_NO_CONTACT_72H, "end", 72 + MINUTE, open(), release),
                row("release: NAV appointment at 72 h", RELEASE_NO_CONTACT_72H, "end", 73, closedAt(10),
                        release, booked("b", "a", NAV, h(72), h(10))),
                row("release: an appointment in prison is no contact", RELEASE_NO_CONTACT_72H, "end", 73, open(),
                        release, booked("b", "a", PRISON, h(5), h(1))),
                row("release: municipal follow-up started an hour before", RELEASE_NO_CONTACT_72H, "end", 1,
                        closedAt(0), started("s", MUNICIPALITY, h(-1)), release),
                row("release: death", RELEASE_NO_CONTACT_72H, "end", 80, excluded(Exclusion.DIED), release,
                        overdose("o", true, h(30))),
                row("release: transfer to another prison is no release", RELEASE_NO_CONTACT_72H, "end", 80, null,
                        release, started("s", "p-2", PRISON, h(0.5))),

                // 5 ADMISSION_MUNICIPALITY_NOT_NOTIFIED
                row("admission: notice within the day", ADMISSION_MUNICIPALITY_NOT_NOTIFIED, "adm", 6, closedAt(5),
                        started("adm", RESIDENTIAL, h(0)), sent("ho", "h", RESIDENTIAL, MUNICIPALITY, h(5))),
                row("admission: contact exactly 30 days before", ADMISSION_MUNICIPALITY_NOT_NOTIFIED, "adm", 1,
                        closedAt(0), contact("c", MUNICIPALITY, h(-30 * DAY)), started("adm", RESIDENTIAL, h(0))),
                row("admission: contact 30 days and a minute before", ADMISSION_MUNICIPALITY_NOT_NOTIFIED, "adm", 24,
                        prospective(), contact("c", MUNICIPALITY, h(-30 * DAY - MINUTE)),
                        started("adm", RESIDENTIAL, h(0))),
                row("admission: no notice a minute past", ADMISSION_MUNICIPALITY_NOT_NOTIFIED, "adm", 24 + MINUTE,
                        open(), started("adm", RESIDENTIAL, h(0))),
                row("admission: notice to NAV is not to the municipality", ADMISSION_MUNICIPALITY_NOT_NOTIFIED,
                        "adm", 25, open(), started("adm", RESIDENTIAL, h(0)), sent("ho", "h", RESIDENTIAL, NAV, h(1))),
                row("admission: late notice", ADMISSION_MUNICIPALITY_NOT_NOTIFIED, "adm", 31, closedAt(30),
                        started("adm", RESIDENTIAL, h(0)), sent("ho", "h", RESIDENTIAL, MUNICIPALITY, h(30))),
                row("admission: a readmission does not exclude it", ADMISSION_MUNICIPALITY_NOT_NOTIFIED, "adm", 31,
                        open(), started("adm", RESIDENTIAL, h(0)), ended("e", RESIDENTIAL, COMPLETED, h(2)),
                        started("s", "res-2", RESIDENTIAL, h(10))),

                // 6 NO_MUNICIPAL_CONTACT_AT_DISCHARGE
                row("contact: exactly 365 days before", NO_MUNICIPAL_CONTACT_AT_DISCHARGE, "end", 1, closedAt(0),
                        contact("c", MUNICIPALITY, h(-365 * DAY)), release),
                row("contact: 365 days and a minute before", NO_MUNICIPAL_CONTACT_AT_DISCHARGE, "end", MINUTE,
                        open(), contact("c", MUNICIPALITY, h(-365 * DAY - MINUTE)), release),
                row("contact: none, at t", NO_MUNICIPAL_CONTACT_AT_DISCHARGE, "end", 0, prospective(),
                        residentialEnd),
                row("contact: at NAV is not municipal", NO_MUNICIPAL_CONTACT_AT_DISCHARGE, "end", 1, open(),
                        contact("c", NAV, h(-5)), residentialEnd),
                row("contact: assigned after discharge, late", NO_MUNICIPAL_CONTACT_AT_DISCHARGE, "end", 6,
                        closedAt(5), residentialEnd, contact("c", MUNICIPALITY, h(5))),
                row("contact: no rule after detox", NO_MUNICIPAL_CONTACT_AT_DISCHARGE, "end", 6, null, detoxEnd),

                // 7 NO_ACTIVITY_14D
                row("activity: recorded 30 days before", NO_ACTIVITY_14D, "end", 1, closedAt(0),
                        activity("a", h(-30 * DAY)), residentialEnd),
                row("activity: recorded 30 days and a minute before", NO_ACTIVITY_14D, "end", 336, prospective(),
                        activity("a", h(-30 * DAY - MINUTE)), residentialEnd),
                row("activity: none, a minute past 14 days", NO_ACTIVITY_14D, "end", 336 + MINUTE, open(),
                        residentialEnd),
                row("activity: NAV follow-up start", NO_ACTIVITY_14D, "end", 101, closedAt(100), residentialEnd,
                        started("s", NAV, h(100))),
                row("activity: no rule after prison", NO_ACTIVITY_14D, "end", 1, null, release),

                // 8 HANDOVER_NOT_ACCEPTED_48H
                row("handover acceptance exactly at 48 h", HANDOVER_NOT_ACCEPTED_48H, "s1", 48, closedAt(48),
                        sent("s1", "h1", RESIDENTIAL, MUNICIPALITY, h(0)), accepted("a1", "h1", h(48))),
                row("handover not accepted, a minute past", HANDOVER_NOT_ACCEPTED_48H, "s1", 48 + MINUTE, open(),
                        sent("s1", "h1", RESIDENTIAL, MUNICIPALITY, h(0))),
                row("acceptance that occurred before the handover", HANDOVER_NOT_ACCEPTED_48H, "s1", 1, closedAt(0),
                        accepted("a1", "h1", h(-1)), sent("s1", "h1", RESIDENTIAL, MUNICIPALITY, h(0))),
                row("rejected, then a later handover accepted", HANDOVER_NOT_ACCEPTED_48H, "s1", 61, closedAt(60),
                        sent("s1", "h1", RESIDENTIAL, MUNICIPALITY, h(0)), rejected("r1", "h1", h(10)),
                        sent("s2", "h2", RESIDENTIAL, MUNICIPALITY, h(20)), accepted("a2", "h2", h(60))),
                row("not rejected: another handover's acceptance is no answer", HANDOVER_NOT_ACCEPTED_48H, "s1", 61,
                        open(), sent("s1", "h1", RESIDENTIAL, MUNICIPALITY, h(0)),
                        sent("s2", "h2", RESIDENTIAL, MUNICIPALITY, h(20)), accepted("a2", "h2", h(30))),
                row("rejected: acceptance to another kind of service is no answer", HANDOVER_NOT_ACCEPTED_48H, "s1",
                        61, open(), sent("s1", "h1", RESIDENTIAL, MUNICIPALITY, h(0)), rejected("r1", "h1", h(10)),
                        sent("s2", "h2", RESIDENTIAL, NAV, h(20)), accepted("a2", "h2", h(30))),
                row("rejected: an earlier handover's acceptance is no answer", HANDOVER_NOT_ACCEPTED_48H, "s1", 61,
                        open(), sent("s0", "h0", RESIDENTIAL, MUNICIPALITY, h(-5)), accepted("a0", "h0", h(-4)),
                        sent("s1", "h1", RESIDENTIAL, MUNICIPALITY, h(0)), rejected("r1", "h1", h(10))),
                row("handover: death excludes", HANDOVER_NOT_ACCEPTED_48H, "s1", 61, excluded(Exclusion.DIED),
                        sent("s1", "h1", RESIDENTIAL, MUNICIPALITY, h(0)), died("d", h(50))),
                row("handover: retracted acceptance reopens", HANDOVER_NOT_ACCEPTED_48H, "s1", 49, open(),
                        sent("s1", "h1", RESIDENTIAL, MUNICIPALITY, h(0)), accepted("a1", "h1", h(5)),
                        retracted("r", "a1", h(6))),

                // 9 MISSED_APPOINTMENT_NO_REBOOKING_72H
                row("missed: rebooked at the same moment", MISSED_APPOINTMENT_NO_REBOOKING_72H, "m", 1, closedAt(0),
                        booked("b1", "a1", OUTPATIENT, h(0), h(-48)), missed("m", "a1", h(0)),
                        booked("b2", "a2", OUTPATIENT, h(30), h(0))),
                row("missed: nothing at 72 h", MISSED_APPOINTMENT_NO_REBOOKING_72H, "m", 72, prospective(),
                        booked("b1", "a1", OUTPATIENT, h(0), h(-48)), missed("m", "a1", h(0))),
                row("missed: nothing a minute past 72 h", MISSED_APPOINTMENT_NO_REBOOKING_72H, "m", 72 + MINUTE,
                        open(), booked("b1", "a1", OUTPATIENT, h(0), h(-48)), missed("m", "a1", h(0))),
                row("missed: the same appointment rebooked", MISSED_APPOINTMENT_NO_REBOOKING_72H, "m", 31,
                        closedAt(30), booked("b1", "a1", OUTPATIENT, h(0), h(-48)), missed("m", "a1", h(0)),
                        booked("b2", "a1", OUTPATIENT, h(40), h(30))),
                row("missed: a booking in prison is no outreach", MISSED_APPOINTMENT_NO_REBOOKING_72H, "m", 73,
                        open(), missed("m", "a1", h(0)), booked("b2", "a2", PRISON, h(40), h(30))),
                row("missed: a new episode counts", MISSED_APPOINTMENT_NO_REBOOKING_72H, "m", 11, closedAt(10),
                        missed("m", "a1", h(0)), started("s", MUNICIPALITY, h(10))),
                row("missed: a booking before the no-show does not count", MISSED_APPOINTMENT_NO_REBOOKING_72H, "m",
                        73, open(), booked("b2", "a2", NAV, h(100), h(-1)), missed("m", "a1", h(0))),
                row("missed: rebooked late", MISSED_APPOINTMENT_NO_REBOOKING_72H, "m", 81, closedAt(80),
                        missed("m", "a1", h(0)), booked("b2", "a2", NAV, h(100), h(80))),

                // 10 OVERDOSE_NO_FOLLOW_UP_48H
                row("overdose: nothing at 48 h", OVERDOSE_NO_FOLLOW_UP_48H, "o", 48, prospective(),
                        overdose("o", false, h(0))),
                row("overdose: nothing a minute past", OVERDOSE_NO_FOLLOW_UP_48H, "o", 48 + MINUTE, open(),
                        overdose("o", false, h(0))),
                row("overdose: municipal appointment at 48 h", OVERDOSE_NO_FOLLOW_UP_48H, "o", 49, closedAt(1),
                        overdose("o", false, h(0)), booked("b", "a", MUNICIPALITY, h(48), h(1))),
                row("overdose: an appointment at NAV is no follow-up", OVERDOSE_NO_FOLLOW_UP_48H, "o", 49, open(),
                        overdose("o", false, h(0)), booked("b", "a", NAV, h(4), h(1))),
                row("overdose: detox admission within 48 h", OVERDOSE_NO_FOLLOW_UP_48H, "o", 49, closedAt(20),
                        overdose("o", false, h(0)), started("s", DETOX, h(20))),
                row("overdose: a start before the overdose does not count", OVERDOSE_NO_FOLLOW_UP_48H, "o", 49,
                        open(), started("s", OUTPATIENT, h(-MINUTE)), overdose("o", false, h(0))),
                row("overdose: a municipal episode start is not in the list", OVERDOSE_NO_FOLLOW_UP_48H, "o", 49,
                        open(), overdose("o", false, h(0)), started("s", MUNICIPALITY, h(5))),
                row("overdose: fatal is no trigger", OVERDOSE_NO_FOLLOW_UP_48H, "o", 49, null,
                        overdose("o", true, h(0))),
                row("overdose: then death", OVERDOSE_NO_FOLLOW_UP_48H, "o", 100, excluded(Exclusion.DIED),
                        overdose("o", false, h(0)), died("d", h(52))),

                // transfers and other non-triggers
                row("a death ends no episode into a discharge", DISCHARGE_WITHOUT_HOUSING, "end", 1, null,
                        ended("end", RESIDENTIAL, DIED, h(0))),
                row("detox ended by death triggers no guarantee", DETOX_NO_TREATMENT_24H, "end", 1, null,
                        ended("end", DETOX, DIED, h(0))),
                row("TRANSFERRED is no discharge", DISCHARGE_WITHOUT_HOUSING, "end", 1, null,
                        ended("end", RESIDENTIAL, TRANSFERRED, h(0))),
                row("an institutional start exactly 1 h after is a transfer", DISCHARGE_WITHOUT_HOUSING, "end", 2,
                        null, residentialEnd, started("s", "p-1", PRISON, h(1))),
                row("an institutional start exactly 1 h before is a transfer", DISCHARGE_WITHOUT_HANDOVER, "end", 2,
                        null, started("s", "det-2", DETOX, h(-1)), residentialEnd),
                row("an outpatient start right after is no transfer", DISCHARGE_WITHOUT_HOUSING, "end", 1, open(),
                        residentialEnd, started("s", OUTPATIENT, h(0.5))),
                row("the episode's own start is no transfer", DISCHARGE_WITHOUT_HOUSING, "end", 1, open(),
                        started("s", DETOX, h(-0.5)), detoxEnd),
                row("an outpatient end is no discharge", DISCHARGE_WITHOUT_HOUSING, "end", 1, null,
                        ended("end", OUTPATIENT, COMPLETED, h(0))),
                row("a retracted discharge triggers nothing", DISCHARGE_WITHOUT_HOUSING, "end", 1, null,
                        residentialEnd, retracted("r", "end", h(0.5))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rule_table(String name, GapRule rule, String trigger, double at, Expect expect, List<PathwayEvent> events) {
        Instant when = h(at);
        Optional<Gap> gap = engine.evaluate("pw", events, when, Instant.MAX).stream()
                .filter(g -> g.rule() == rule && g.triggeredBy().equals(trigger)).findFirst();
        if (expect == null) {
            assertThat(gap).as("no %s gap for %s", rule, trigger).isEmpty();
            return;
        }
        assertThat(gap).as("a %s gap for %s", rule, trigger).isPresent();
        assertThat(gap.get().statusAt(when)).isEqualTo(expect.status());
        if (expect.status() == CLOSED) {
            assertThat(gap.get().closedAt()).isEqualTo(expect.closedAt());
            assertThat(gap.get().late()).isEqualTo(expect.closedAt().isAfter(gap.get().dueAt()));
        }
        if (expect.status() == NOT_APPLICABLE) {
            assertThat(gap.get().reason()).isEqualTo(expect.reason());
        }
    }
}
