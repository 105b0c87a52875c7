package org.ansatz.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one suite run measured, in the order it was measured, plus the run's header lines. */
public final class Results {

    private final List<String> header = new ArrayList<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    public synchronized void header(String line) {
        header.add(line);
    }

    public synchronized Table table(Table table) {
        return tables.computeIfAbsent(table.id(), k -> table);
    }

    public synchronized void add(Sample sample) {
        if (!tables.containsKey(sample.table())) {
            throw new IllegalArgumentException("no table " + sample.table());
        }
        samples.add(sample);
    }

    public synchronized List<String> header() {
        return List.copyOf(header);
    }

    public synchronized List<Table> tables() {
        return List.copyOf(tables.values());
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Row labels of a table in first-measured order. */
    public synchronized List<String> rows(String table) {
        return samples.stream().filter(s -> s.table().equals(table)).map(Sample::row).distinct().toList();
    }

    /** The latest sample for a cell. */
    public synchronized Optional<Sample> cell(String table, String row, String column) {
        Sample found = null;
        for (Sample s : samples) {
            if (s.table().equals(table) && s.row().equals(row) && s.column().equals(column)) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }
}
