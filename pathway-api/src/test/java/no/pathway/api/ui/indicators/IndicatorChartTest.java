package no.pathway.api.ui.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IndicatorChartTest {
    static final YearMonth JAN = YearMonth.of(2026, 1);
    static final YearMonth FEB = YearMonth.of(2026, 2);
    static final YearMonth MAR = YearMonth.of(2026, 3);

    @ParameterizedTest(name = "at most {0}: the axis reaches {1}")
    @CsvSource({"0, 1", "1, 1", "4, 4", "5, 5", "6, 10", "10, 10", "12, 20", "37, 50", "120, 200", "500, 500"})
    void the_count_axis_reaches_a_round_number_at_or_above_the_highest_column(long max, long top) {
        assertThat(IndicatorChart.niceTop(max)).isEqualTo(top);
    }

    @Test
    void each_month_is_a_column_stacked_on_time_then_late_then_not_closed_with_its_rate_above() {
        IndicatorChart chart = IndicatorChart.of("c", "t", "d", List.of(JAN, FEB, MAR),
                Map.of(FEB, new IndicatorChart.Counts(4, 2, 1), MAR, new IndicatorChart.Counts(2, 2, 0)),
                m -> m.getMonth().name().substring(0, 3), (onTime, applicable) -> onTime * 100 / applicable + " %");

        assertThat(chart.columns()).extracting(IndicatorChart.Column::month).containsExactly("JAN", "FEB", "MAR");
        IndicatorChart.Column jan = chart.columns().get(0);
        assertThat(jan.onTime().height() + jan.late().height() + jan.rest().height()).isZero();
        assertThat(jan.rate()).isEmpty();

        IndicatorChart.Column feb = chart.columns().get(1);
        double unit = IndicatorChart.PLOT_HEIGHT / 4.0; // the axis reaches 4
        assertThat(feb.onTime().height()).isCloseTo(2 * unit, within(1e-9));
        assertThat(feb.onTime().y() + feb.onTime().height()).isCloseTo(IndicatorChart.BASELINE, within(1e-9));
        assertThat(feb.late().height()).isCloseTo(unit, within(1e-9));
        assertThat(feb.late().y() + feb.late().height()).isCloseTo(feb.onTime().y(), within(1e-9));
        assertThat(feb.rest().height()).isCloseTo(unit, within(1e-9));
        assertThat(feb.rest().y()).isCloseTo(IndicatorChart.TOP, within(1e-9));
        assertThat(feb.rate()).isEqualTo("50 %");

        IndicatorChart.Column mar = chart.columns().get(2);
        assertThat(mar.rest().height()).isZero();
        assertThat(mar.x()).isGreaterThan(feb.x() + feb.width());
        assertThat(mar.x() + mar.width()).isLessThanOrEqualTo(IndicatorChart.WIDTH - IndicatorChart.RIGHT);
        assertThat(chart.ticks()).extracting(IndicatorChart.Tick::value).containsExactly(0L, 1L, 2L, 3L, 4L);
    }
}
