package org.ansatz.balance.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ansatz.api.optim.Terms;

/** Terms whose losses, gradients and kernel traces are given directly; counts what is asked. */
final class FakeTerms implements Terms {

    final List<String> names;
    double[] losses;
    double[][] gradients;
    double[] traces;

    int gradientCalls;
    int weightedGradientCalls;
    int traceCalls;
    final List<Integer> gradientTerms = new ArrayList<>();
    final List<Integer> traceProbes = new ArrayList<>();

    FakeTerms(String... names) {
        this.names = List.of(names);
        this.losses = new double[names.length];
        java.util.Arrays.fill(losses, 1);
    }

    FakeTerms losses(double... values) {
        this.losses = values.clone();
        return this;
    }

    FakeTerms gradients(double[]... values) {
        this.gradients = values;
        return this;
    }

    FakeTerms traces(double... values) {
        this.traces = values.clone();
        return this;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public double loss(int k) {
        return losses[k];
    }

    @Override
    public double[] gradient(int k) {
        gradientCalls++;
        gradientTerms.add(k);
        return gradients[k].clone();
    }

    @Override
    public double[] gradient(double[] weights) {
        weightedGradientCalls++;
        double[] out = new double[gradients[0].length];
        for (int k = 0; k < weights.length; k++) {
            for (int i = 0; i < out.length; i++) {
                out[i] += weights[k] * gradients[k][i];
            }
        }
        return out;
    }

    @Override
    public double kernelTrace(int k, int probes, SplittableRandom random) {
        traceCalls++;
        traceProbes.add(probes);
        random.nextLong(); // consumes randomness like a real estimate
        return traces[k];
    }
}
