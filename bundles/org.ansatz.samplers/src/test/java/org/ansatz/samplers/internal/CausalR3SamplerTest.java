package org.ansatz.samplers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.ansatz.api.sampler.Population;
import org.ansatz.api.sampler.Resampled;
import org.junit.jupiter.api.Test;

/** Causal R3: the time gate, its advance and the gated retention. */
class CausalR3SamplerTest {

    /** x in [-1,1], t in [2,4] (time is axis 1, to check the axis and the normalisation are used). */
    private static BoxDomain domain() {
        return new BoxDomain(new double[] {-1, 2}, new double[] {1, 4}, 1);
    }

    private static Population population(BoxDomain domain, SplittableRandom random, double scale) {
        double[] p = domain.sample(400, random);
        double[] r = new double[400];
        for (int i = 0; i < 400; i++) {
            r[i] = scale * (0.2 + Math.abs(Math.sin(4 * p[2 * i]))) * random.nextDouble();
        }
        return new Population(2, p, r, 0);
    }

    @Test
    void steadyProblemsAreRejected() {
        Population pop = new Population(2, new double[] {0.5, 0.5}, new double[] {1}, 0);
        assertThatThrownBy(() -> new CausalR3Sampler().create(Map.of()).resample(pop, BoxDomain.unit(2),
                new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("steady").hasMessageContaining("r3");
    }

    @Test
    void gateIsOneHalfAtGammaAndFallsWithTime() {
        assertThat(CausalR3Sampler.gate(0.3, 5, 0.3)).isEqualTo(0.5);
        assertThat(CausalR3Sampler.gate(0, 5, -0.5)).isCloseTo((1 - Math.tanh(2.5)) / 2, within(1e-15));
        double previous = 1;
        for (double t = 0; t <= 1; t += 0.05) {
            double g = CausalR3Sampler.gate(t, 5, 0.4);
            assertThat(g).isLessThan(previous).isGreaterThan(0);
            previous = g;
        }
    }

    @Test
    void weightsAreTheGateAtTheNewPointsInNormalisedTime() {
        BoxDomain domain = domain();
        SplittableRandom random = new SplittableRandom(2);
        CausalR3Sampler.CausalRetainer causal = new CausalR3Sampler().create(Map.of("gamma", 0.5, "eta", 0));
        Resampled out = causal.resample(population(domain, random, 1), domain, random);
        double[] p = out.points();
        assertThat(out.weights()).hasSize(400);
        Integer[] byTime = new Integer[400];
        for (int i = 0; i < 400; i++) {
            byTime[i] = i;
            assertThat(out.weights()[i]).isEqualTo(CausalR3Sampler.gate((p[2 * i + 1] - 2) / 2, 5, 0.5));
        }
        Arrays.sort(byTime, (a, b) -> Double.compare(p[2 * a + 1], p[2 * b + 1]));
        for (int i = 1; i < 400; i++) {
            assertThat(out.weights()[byTime[i]]).isLessThanOrEqualTo(out.weights()[byTime[i - 1]]);
        }
        // t = 3 is the middle of [2,4], where a gate at gamma = 0.5 is one half.
        Population mid = new Population(2, new double[] {0, 3, 0.5, 3}, new double[] {1, 0}, 0);
        Resampled kept = causal.resample(mid, domain, random);
        assertThat(Arrays.copyOf(kept.points(), 2)).containsExactly(0, 3);
        assertThat(kept.weights()[0]).isEqualTo(0.5);
    }

    @Test
    void gammaAdvancesByEtaTimesExpOfMinusEpsilonGatedLoss() {
        BoxDomain domain = domain();
        SplittableRandom random = new SplittableRandom(3);
        CausalR3Sampler.CausalRetainer causal = new CausalR3Sampler().create(Map.of("eta", 0.01, "epsilon", 2));
        assertThat(causal.gamma()).isEqualTo(-0.5);
        double gamma = -0.5;
        for (int round = 0; round < 3; round++) {
            Population pop = population(domain, random, 4);
            double loss = 0;
            for (int i = 0; i < 400; i++) {
                double t = (pop.points()[2 * i + 1] - 2) / 2;
                loss += CausalR3Sampler.gate(t, 5, gamma) * pop.residuals()[i] * pop.residuals()[i] / 400;
            }
            double expected = gamma + 0.01 * Math.exp(-2 * loss);
            causal.resample(pop, domain, random);
            assertThat(causal.gamma()).isCloseTo(expected, within(1e-12)).isGreaterThan(gamma);
            gamma = causal.gamma();
        }
        // A larger gated loss holds the gate back.
        CausalR3Sampler.CausalRetainer small = new CausalR3Sampler().create(Map.of("gamma", 0.5, "eta", 0.01));
        CausalR3Sampler.CausalRetainer large = new CausalR3Sampler().create(Map.of("gamma", 0.5, "eta", 0.01));
        small.resample(population(domain, new SplittableRandom(9), 0.1), domain, random);
        large.resample(population(domain, new SplittableRandom(9), 3), domain, random);
        assertThat(small.gamma() - 0.5).isGreaterThan(2 * (large.gamma() - 0.5)).isLessThanOrEqualTo(0.01);
    }

    @Test
    void retainsExactlyThePointsAboveTheMeanGatedResidual() {
        BoxDomain domain = domain();
        SplittableRandom random = new SplittableRandom(4);
        Population pop = population(domain, random, 1);
        double[] p = pop.points();
        double[] fitness = new double[400];
        for (int i = 0; i < 400; i++) {
            fitness[i] = CausalR3Sampler.gate((p[2 * i + 1] - 2) / 2, 5, 0.3) * pop.residuals()[i];
        }
        double mean = Arrays.stream(fitness).average().orElseThrow();
        double[] retained = new double[0];
        double plainMean = Arrays.stream(pop.residuals()).average().orElseThrow();
        boolean differsFromPlainR3 = false;
        for (int i = 0; i < 400; i++) {
            if (fitness[i] > mean) {
                retained = Arrays.copyOf(retained, retained.length + 2);
                retained[retained.length - 2] = p[2 * i];
                retained[retained.length - 1] = p[2 * i + 1];
            }
            differsFromPlainR3 |= (fitness[i] > mean) != (pop.residuals()[i] > plainMean);
        }
        assertThat(differsFromPlainR3).isTrue();
        int kept = retained.length / 2;

        domain.draws.clear();
        Resampled out = new CausalR3Sampler().create(Map.of("gamma", 0.3, "eta", 0)).resample(pop, domain, random);
        assertThat(out.points()).hasSize(800);
        assertThat(Arrays.copyOf(out.points(), 2 * kept)).containsExactly(retained);
        assertThat(Arrays.copyOfRange(out.points(), 2 * kept, 800)).containsExactly(domain.allDraws());
    }

    @Test
    void optionsHaveDefaultsAndNamedErrors() {
        assertThat(new CausalR3Sampler().create(Map.of()).settings())
                .isEqualTo(new CausalR3Sampler.Settings(1, 5, -0.5, 1e-3, 1));
        assertThat(new CausalR3Sampler().create(Map.of("gamma", "-2")).gamma()).isEqualTo(-2);
        assertThatThrownBy(() -> new CausalR3Sampler().create(Map.of("eta", -1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampler.eta")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new CausalR3Sampler().create(Map.of("alpha", 5, "beta", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampler.beta")
                .hasMessageContaining("sampler causal-r3");
    }
}
