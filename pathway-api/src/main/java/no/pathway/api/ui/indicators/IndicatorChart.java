package no.pathway.api.ui.indicators;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One panel of the indicators chart, laid out here so that the page draws it as an inline SVG without a script: a
 * column per month of the period, its height the applicable triggers, stacked as closed on time, closed late and
 * not (yet) closed, with the compliance rate above it. Coordinates are in the SVG's own units.
 *
 * @param title       what the panel shows ("Behandling etter avrusning – 0301 Oslo")
 * @param description the same numbers in words, for a screen reader (the SVG's {@code <desc>})
 */
record IndicatorChart(String id, String title, String description, List<Column> columns, List<Tick> ticks) {
    static final int WIDTH = 520;
    static final int HEIGHT = 220;
    static final int LEFT = 36;
    static final int RIGHT = 8;
    static final int TOP = 22;
    static final int BOTTOM = 28;
    static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    static final int BASELINE = HEIGHT - BOTTOM;

    /** A month's column: its segments from the baseline up, its label below and its rate above. */
    record Column(double x, double width, double labelX, String month, Segment onTime, Segment late, Segment rest,
                  String rate, double rateY) {
    }

    /** A stacked part of a column: top and height; zero height when there is none. */
    record Segment(double y, double height) {
    }

    /** A line of the count axis. */
    record Tick(double y, long value) {
    }

    /** A month's numbers as the chart needs them. */
    record Counts(long applicable, long closedOnTime, long closedLate) {
    }

    /**
     * @param months   every month of the period, in order (a month without triggers has no column)
     * @param counts   the numbers per month that has any
     * @param label    a month's short label on the axis
     * @param rate     a compliance rate as text, given closed on time and applicable
     */
    static IndicatorChart of(String id, String title, String description, List<YearMonth> months,
                             Map<YearMonth, Counts> counts, Function<YearMonth, String> label,
                             BiFunction<Long, Long, String> rate) {
        long max = counts.values().stream().mapToLong(Counts::applicable).max().orElse(0);
        long top = niceTop(max);
        double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(1, months.size());
        double barWidth = Math.max(4, slot * 0.6);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            YearMonth month = months.get(i);
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            Counts c = counts.get(month);
            if (c == null || c.applicable() == 0) {
                Segment none = new Segment(BASELINE, 0);
                columns.add(new Column(x, barWidth, x + barWidth / 2, label.apply(month), none, none, none, "",
                        BASELINE - 4));
                continue;
            }
            Segment onTime = segment(BASELINE, c.closedOnTime(), top);
            Segment late = segment(onTime.y(), c.closedLate(), top);
            Segment rest = segment(late.y(), c.applicable() - c.closedOnTime() - c.closedLate(), top);
            columns.add(new Column(x, barWidth, x + barWidth / 2, label.apply(month), onTime, late, rest,
                    rate.apply(c.closedOnTime(), c.applicable()), rest.y() - 4));
        }
        List<Tick> ticks = new ArrayList<>();
        long step = top <= 5 ? 1 : top / 5;
        for (long v = 0; v <= top; v += step) {
            ticks.add(new Tick(BASELINE - (double) v / top * PLOT_HEIGHT, v));
        }
        return new IndicatorChart(id, title, description, List.copyOf(columns), List.copyOf(ticks));
    }

    /** The axis' top: the maximum rounded up to 1..5, or a multiple of five steps (10, 15, 20, 50, 100...). */
    static long niceTop(long max) {
        if (max <= 5) {
            return Math.max(1, max);
        }
        long magnitude = 1;
        while (magnitude * 10 < max) {
            magnitude *= 10;
        }
        for (long factor : new long[] {1, 2, 5, 10}) {
            long candidate = magnitude * factor;
            if (candidate >= max && candidate % 5 == 0) {
                return candidate;
            }
        }
        return magnitude * 10;
    }

    private static Segment segment(double bottom, long value, long top) {
        double height = (double) value / top * PLOT_HEIGHT;
        return new Segment(bottom - height, height);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    public int baseline() {
        return BASELINE;
    }
}
