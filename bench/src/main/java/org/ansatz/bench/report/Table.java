package org.ansatz.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Layout of one Markdown table: which implementation goes in which column and which ratios of medians
 * are printed. Notes (thread counts, versions, why something was skipped) go below it.
 */
public final class Table {

    /** A column: the implementation id samples carry and its header. */
    public record Column(String id, String header) {
    }

    /** A column holding median(numerator) / median(denominator) of the same row. */
    public record Ratio(String header, String numerator, String denominator) {
    }

    private final String id;
    private final String title;
    private final String rowHeader;
    private final List<Column> columns;
    private final List<Ratio> ratios;
    private final List<String> notes = new ArrayList<>();

    public Table(String id, String title, String rowHeader, List<Column> columns, List<Ratio> ratios) {
        this.id = id;
        this.title = title;
        this.rowHeader = rowHeader;
        this.columns = List.copyOf(columns);
        this.ratios = List.copyOf(ratios);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String rowHeader() {
        return rowHeader;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Ratio> ratios() {
        return ratios;
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    public void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }
}
