package org.ansatz.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders results as raw CSV (one line per repeat, nothing aggregated away) and as Markdown tables of
 * medians with their range and the ratios, and writes both so a reader never sees half a file.
 */
public final class ReportWriter {

    public static final String CSV_HEADER = "table,row,implementation,unit,threads,repeat,value,note";

    private ReportWriter() {
    }

    /** One line per repeat; a skipped sample is one line with an empty value and its reason. */
    public static String csv(Results results) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (Sample s : results.samples()) {
            String prefix = String.join(",", csvField(s.table()), csvField(s.row()), csvField(s.column()),
                    csvField(s.unit()), Integer.toString(s.threads()));
            if (s.values().isEmpty()) {
                b.append(prefix).append(",,,").append(csvField(s.note())).append('\n');
            }
            for (int i = 0; i < s.values().size(); i++) {
                b.append(prefix).append(',').append(i + 1).append(',').append(s.values().get(i)).append(',')
                        .append(csvField(s.note())).append('\n');
            }
        }
        return b.toString();
    }

    static String csvField(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** Header lines, then per table: title, the table, its notes. */
    public static String markdown(Results results) {
        StringBuilder b = new StringBuilder();
        for (String line : results.header()) {
            b.append(line).append('\n');
        }
        for (Table t : results.tables()) {
            b.append('\n').append(table(results, t));
        }
        return b.toString();
    }

    /** One table: each cell is the median, with min–max when there are several repeats. */
    public static String table(Results results, Table t) {
        StringBuilder b = new StringBuilder("### ").append(t.title()).append("\n\n");
        b.append("| ").append(t.rowHeader());
        t.columns().forEach(c -> b.append(" | ").append(c.header()));
        t.ratios().forEach(r -> b.append(" | ").append(r.header()));
        b.append(" |\n|---");
        b.append("|---".repeat(t.columns().size() + t.ratios().size())).append("|\n");
        List<String> rows = results.rows(t.id());
        for (String row : rows) {
            b.append("| ").append(row);
            for (Table.Column c : t.columns()) {
                b.append(" | ").append(results.cell(t.id(), row, c.id()).map(ReportWriter::cell).orElse("-"));
            }
            for (Table.Ratio r : t.ratios()) {
                b.append(" | ").append(ratio(results.cell(t.id(), row, r.numerator()),
                        results.cell(t.id(), row, r.denominator())));
            }
            b.append(" |\n");
        }
        if (rows.isEmpty()) {
            b.append("| (nothing measured)").append(" | ".repeat(t.columns().size() + t.ratios().size()))
                    .append(" |\n");
        }
        for (String note : t.notes()) {
            b.append('\n').append("- ").append(note);
        }
        if (!t.notes().isEmpty()) {
            b.append('\n');
        }
        return b.toString();
    }

    static String cell(Sample s) {
        if (!s.measured()) {
            return s.note().isEmpty() ? "skipped" : s.note();
        }
        String median = number(s.median(), s.unit());
        String cell = s.values().size() == 1 ? median
                : median + " (" + number(Stats.min(s.values()), s.unit()) + "–" + number(Stats.max(s.values()), s.unit()) + ")";
        return s.note().isEmpty() ? cell : cell + " " + s.note();
    }

    static String ratio(Optional<Sample> numerator, Optional<Sample> denominator) {
        if (numerator.isEmpty() || denominator.isEmpty() || !numerator.get().measured()
                || !denominator.get().measured() || denominator.get().median() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", numerator.get().median() / denominator.get().median());
    }

    /** Errors in scientific notation; others with two decimals, or one from 100 up. */
    static String number(double v, String unit) {
        if (unit.equals("rel-L2")) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.2f", v);
    }

    /** Writes to a temporary file in the same directory, then moves it into place. */
    public static void writeAtomically(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
