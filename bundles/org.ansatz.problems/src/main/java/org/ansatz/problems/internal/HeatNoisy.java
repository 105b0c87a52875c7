package org.ansatz.problems.internal;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.geometry.Geometries;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.Conditions;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.problem.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * Heat 1D from noisy samples: {@code u_t = a u_xx}, {@code a = 0.1}, on {@code t, x in [0, 1]} with the
 * exact {@code u = exp(-a pi^2 t) sin(pi x) + 0.5 exp(-9 a pi^2 t) sin(3 pi x)}. The data: 200 points,
 * uniform in the domain, with Gaussian noise of standard deviation 0.01 (fixed seeds, so every solver
 * sees the same samples), plus the initial values and zero boundary values as conditions.
 */
@Component(service = Problem.class)
@AnsatzMethod(name = "heat-noisy", description = "Heat 1D from 200 noisy samples (sd 0.01) plus initial and boundary "
        + "data; exact reference")
public class HeatNoisy extends ExactPdeProblem {

    static final double A = 0.1;
    static final int SAMPLES = 200;
    static final double NOISE = 0.01;
    static final Symbols SYMBOLS = Symbols.of(List.of("t", "x"), List.of("u"), Map.of("a", A));

    private final PointSet samplePoints;
    private final PointSet sampleValues;

    public HeatNoisy() {
        super("u_t - a*u_xx", SYMBOLS);
        samplePoints = new PointSet(List.of("t", "x"), domain().uniform(SAMPLES, new SplittableRandom(2026)));
        Random noise = new Random(11);
        double[] v = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            v[i] = exact(new double[] {samplePoints.get(i, 0), samplePoints.get(i, 1)}) + NOISE * noise.nextGaussian();
        }
        sampleValues = new PointSet(List.of("u"), v);
    }

    @Override
    public String description() {
        return "Heat 1D from 200 noisy samples (sd 0.01) plus initial and boundary data; exact reference";
    }

    @Override
    public List<String> inputs() {
        return List.of("t", "x");
    }

    @Override
    public Box domain() {
        return new Box(new double[] {0, 0}, new double[] {1, 1});
    }

    /** The noisy samples, as points {@code (t, x)} and values {@code u}. */
    public PointSet samplePoints() {
        return samplePoints;
    }

    public PointSet sampleValues() {
        return sampleValues;
    }

    @Override
    public List<Condition> conditions(boolean hardConstraints) {
        return List.of(
                Conditions.observations("data", samplePoints, sampleValues),
                Conditions.initial("ic", domain(), "u - sin(pi*x) - 0.5*sin(3*pi*x)", SYMBOLS),
                Conditions.boundary("bc", Geometries.box(new double[] {0}, new double[] {1}), new double[] {0, 1}, "u",
                        SYMBOLS));
    }

    @Override
    double exact(double[] p) {
        double t = p[0];
        double x = p[1];
        return Math.exp(-A * Math.PI * Math.PI * t) * Math.sin(Math.PI * x)
                + 0.5 * Math.exp(-9 * A * Math.PI * Math.PI * t) * Math.sin(3 * Math.PI * x);
    }

    @Override
    public Map<String, Object> defaults() {
        return pinnDefaults("20,20,20", "soft", 2000, 2000, 1000);
    }
}
