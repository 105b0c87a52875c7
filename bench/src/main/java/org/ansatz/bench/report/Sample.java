package org.ansatz.bench.report;

import java.util.List;

/**
 * The repeats of one quantity for one row of a table and one implementation (column), all kept.
 *
 * @param table   table id
 * @param row     row label, e.g. "N=10000, 8x20 tanh"
 * @param column  implementation or quantity id, e.g. "ansatz-taylor"
 * @param unit    e.g. "ms", "MB", "s"
 * @param threads intra-op threads the measurement ran with (0 when not applicable)
 * @param values  one value per repeat; empty when the measurement was skipped
 * @param note    why it was skipped, or what the value means when it is not a number ("" for none)
 */
public record Sample(String table, String row, String column, String unit, int threads, List<Double> values,
        String note) {

    public Sample {
        values = List.copyOf(values);
        note = note == null ? "" : note;
    }

    public static Sample of(String table, String row, String column, String unit, int threads, List<Double> values) {
        return new Sample(table, row, column, unit, threads, values, "");
    }

    public static Sample skipped(String table, String row, String column, String unit, String why) {
        return new Sample(table, row, column, unit, 0, List.of(), why);
    }

    /** A cell that is text, not a number (e.g. whether a target was reached). */
    public static Sample text(String table, String row, String column, String text) {
        return new Sample(table, row, column, "", 0, List.of(), text);
    }

    public boolean measured() {
        return !values.isEmpty();
    }

    public double median() {
        return Stats.median(values);
    }
}
