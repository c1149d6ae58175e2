package no.pathway.api.ui.pathway;

import java.util.List;

/**
 * A pathway drawn as lanes over time, ready for the template: positions are percentages of the drawing's width (SVG
 * attributes, so the page needs no inline style or script), texts are in the reader's language and Europe/Oslo time.
 * {@code rows} is the same content as a table, in time order: the text alternative of the drawing.
 */
record Timeline(List<Tick> ticks, String nowX, List<Lane> lanes, List<GapTrack> gaps, List<Row> rows) {

    /** A label on the time axis. */
    record Tick(String x, String label) {
    }

    /** One service's lane: episodes as bars, the rest as marks; {@code alarms} are overdoses and a death. */
    record Lane(String name, List<Bar> bars, List<Mark> marks, List<String> alarms) {
    }

    /** From {@code x}, {@code width} wide; {@code kind} picks the colour. */
    record Bar(String x, String width, String kind, String title) {
    }

    /** A point in time; {@code kind} picks the shape and colour. */
    record Mark(String x, String kind, String title) {
    }

    /** A gap's window from its trigger to its deadline, coloured by status, with what was done about it. */
    record GapTrack(String gapId, String label, Bar window, List<Mark> marks) {
    }

    /** One line of the table. */
    record Row(String time, String iso, String lane, String what) {
    }
}
