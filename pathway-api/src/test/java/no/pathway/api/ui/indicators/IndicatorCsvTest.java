package no.pathway.api.ui.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import no.pathway.api.gaps.IndicatorReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IndicatorCsvTest {
    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");

    @Test
    void a_report_grouped_by_municipality_is_one_line_per_rule_municipality_and_month_with_a_point_decimal() {
        IndicatorReport.Indicators report = new IndicatorReport.Indicators(FROM, TO, "municipality", "month", TO,
                List.of(new IndicatorReport.Indicator("DETOX_NO_TREATMENT_24H", "0301", "2026-03", 3, 2, 1, 0, 0, 1,
                        2.0 / 3), new IndicatorReport.Indicator("OVERDOSE_NO_FOLLOW_UP_48H", "", "2026-02", 0, 0, 0,
                        0, 0, 2, null)));

        assertThat(IndicatorCsv.of(report, rule -> rule.equals("DETOX_NO_TREATMENT_24H")
                ? "Behandling etter avrusning" : "Oppfølging, etter overdose")).isEqualTo(
                "rule,rule_name,municipality,month,applicable,closed_on_time,closed_late,open,prospective,"
                        + "not_applicable,compliance_rate\r\n"
                        + "DETOX_NO_TREATMENT_24H,Behandling etter avrusning,0301,2026-03,3,2,1,0,0,1,0.6667\r\n"
                        + "OVERDOSE_NO_FOLLOW_UP_48H,\"Oppfølging, etter overdose\",,2026-02,0,0,0,0,0,2,\r\n");
    }

    @Test
    void a_report_grouped_by_rule_has_no_municipality_column() {
        IndicatorReport.Indicators report = new IndicatorReport.Indicators(FROM, TO, "rule", "month", TO,
                List.of(new IndicatorReport.Indicator("DETOX_NO_TREATMENT_24H", null, "2026-03", 4, 4, 0, 0, 0, 0,
                        1.0)));

        assertThat(IndicatorCsv.of(report, rule -> "R").split("\r\n")).containsExactly(
                "rule,rule_name,month,applicable,closed_on_time,closed_late,open,prospective,not_applicable,"
                        + "compliance_rate",
                "DETOX_NO_TREATMENT_24H,R,2026-03,4,4,0,0,0,0,1.0000");
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            =1+1              | '=1+1
            +47 22 00 00 00   | '+47 22 00 00 00
            -2                | '-2
            @SUM(A1)          | '@SUM(A1)
            =HYPERLINK("x")   | `"'=HYPERLINK(""x"")"`
            a, b              | `"a, b"`
            plain             | plain
            2026-03           | 2026-03
            """)
    void a_cell_a_spreadsheet_would_take_for_a_formula_is_text(String value, String written) {
        assertThat(IndicatorCsv.cell(value)).isEqualTo(written);
    }

    @Test
    void tabs_and_carriage_returns_at_the_start_are_made_text_too() {
        assertThat(IndicatorCsv.cell("\tx")).isEqualTo("'\tx");
        assertThat(IndicatorCsv.cell("\rx")).isEqualTo("\"'\rx\"");
    }
}
