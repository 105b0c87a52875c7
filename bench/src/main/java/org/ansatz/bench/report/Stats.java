package org.ansatz.bench.report;

import java.util.ArrayList;
import java.util.List;

/** Order statistics of repeated measurements. */
public final class Stats {

    private Stats() {
    }

    /** The median; for an even count the mean of the two middle values. */
    public static double median(List<Double> values) {
        List<Double> sorted = sorted(values);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public static double min(List<Double> values) {
        return sorted(values).get(0);
    }

    public static double max(List<Double> values) {
        List<Double> sorted = sorted(values);
        return sorted.get(sorted.size() - 1);
    }

    private static List<Double> sorted(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> copy = new ArrayList<>(values);
        copy.sort(Double::compare);
        return copy;
    }
}
