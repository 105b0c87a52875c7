package org.ansatz.operators.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.ansatz.api.data.DatasetSchema;
import org.ansatz.datasets.FunctionDataset;

/** A small in-memory function dataset: the antiderivative of random periodic sums of sines. */
final class TestData implements FunctionDataset {

    private final double[][] a;
    private final double[][] u;
    private final double[] x;
    private final String equation;

    private TestData(double[][] a, double[][] u, double[] x, String equation) {
        this.a = a;
        this.u = u;
        this.x = x;
        this.equation = equation;
    }

    /** {@code u(x) = int_0^x a}, {@code a = sum_k c_k cos(2 pi k x) + s_k sin(2 pi k x)}, k = 1..3. */
    static TestData antiderivative(int n, int points, long seed) {
        Random r = new Random(seed);
        double[] x = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = (double) i / points;
        }
        double[][] a = new double[n][points];
        double[][] u = new double[n][points];
        for (int s = 0; s < n; s++) {
            for (int k = 1; k <= 3; k++) {
                double c = r.nextGaussian() / k, d = r.nextGaussian() / k;
                double w = 2 * Math.PI * k;
                for (int i = 0; i < points; i++) {
                    a[s][i] += c * Math.cos(w * x[i]) + d * Math.sin(w * x[i]);
                    u[s][i] += c * Math.sin(w * x[i]) / w + d * (1 - Math.cos(w * x[i])) / w;
                }
            }
        }
        return new TestData(a, u, x, "antiderivative");
    }

    @Override
    public DatasetSchema schema() {
        return new DatasetSchema(Map.of("a", new long[] {x.length}, "u", new long[] {x.length}));
    }

    @Override
    public long size() {
        return a.length;
    }

    @Override
    public Map<String, NDArray> batch(NDManager manager, long[] indices) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String equation() {
        return equation;
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of();
    }

    @Override
    public String inputField() {
        return "a";
    }

    @Override
    public String outputField() {
        return "u";
    }

    @Override
    public List<double[]> grid() {
        return List.of(x.clone());
    }

    @Override
    public boolean periodic() {
        return true;
    }

    @Override
    public double[] sample(String field, int index) {
        return (field.equals("a") ? a : u)[index].clone();
    }

    @Override
    public Optional<UnaryOperator<double[]>> solver() {
        return Optional.empty();
    }
}
