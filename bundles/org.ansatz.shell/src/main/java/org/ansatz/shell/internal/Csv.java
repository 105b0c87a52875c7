package org.ansatz.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.run.AtomicFiles;

/** Point files: a header naming the columns, then numbers; columns are matched by name. */
final class Csv {

    private Csv() {
    }

    /**
     * @throws IllegalArgumentException naming the missing column or the line with a bad number
     */
    static PointSet read(Path file, List<String> columns) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty; expected a header naming " + columns);
        }
        List<String> header = Arrays.stream(lines.get(0).split(",")).map(String::trim).toList();
        int[] index = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            index[c] = header.indexOf(columns.get(c));
            if (index[c] < 0) {
                throw new IllegalArgumentException(file + " has no column '" + columns.get(c) + "' (header: "
                        + header + "; the problem's inputs are " + columns + ")");
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",");
            double[] row = new double[columns.size()];
            for (int c = 0; c < index.length; c++) {
                try {
                    row[c] = Double.parseDouble(cells[index[c]].trim());
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": no number in column '"
                            + columns.get(c) + "'");
                }
            }
            rows.add(row);
        }
        double[] values = new double[rows.size() * columns.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, values, i * columns.size(), columns.size());
        }
        return new PointSet(columns, values);
    }

    static String write(PointSet inputs, PointSet values) {
        StringBuilder b = new StringBuilder(String.join(",", inputs.names())).append(',')
                .append(String.join(",", values.names())).append('\n');
        for (int i = 0; i < inputs.size(); i++) {
            for (int j = 0; j < inputs.width(); j++) {
                b.append(j == 0 ? "" : ",").append(inputs.get(i, j));
            }
            for (int j = 0; j < values.width(); j++) {
                b.append(',').append(String.format(Locale.ROOT, "%.9e", values.get(i, j)));
            }
            b.append('\n');
        }
        return b.toString();
    }

    static void writeAtomically(Path file, String text) {
        AtomicFiles.write(file, text);
    }
}
