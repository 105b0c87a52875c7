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

/** Residual-based adaptive distribution. */
class RadSamplerTest {

    /** 8000 one-dimensional points at 0.1, 0.2, 0.3, 0.4 (2000 each) with the given residuals. */
    private static Population fourSites(double... residuals) {
        double[] p = new double[8000];
        double[] r = new double[8000];
        for (int i = 0; i < 8000; i++) {
            p[i] = 0.1 * (1 + i % 4);
            r[i] = residuals[i % 4];
        }
        return new Population(1, p, r, 0);
    }

    /** Fraction of the first {@code drawn} points at each of the four sites. */
    private static double[] siteShares(double[] points, int drawn) {
        double[] shares = new double[4];
        for (int i = 0; i < drawn; i++) {
            int site = (int) Math.round(points[i] * 10) - 1;
            assertThat(points[i]).isEqualTo(0.1 * (1 + site));
            shares[site] += 1.0 / drawn;
        }
        return shares;
    }

    @Test
    void mixesUniformPointsAndResidualDrawsInTheRatioOfC() {
        for (double c : new double[] {1, 3}) {
            BoxDomain domain = BoxDomain.unit(1);
            RadSampler.Redrawer rad = new RadSampler().create(Map.of("c", c));
            Resampled out = rad.resample(fourSites(1, 2, 3, 4), domain, new SplittableRandom(5));
            int uniform = (int) (8000 * c / (1 + c));
            assertThat(rad.uniformCount(8000)).isEqualTo(uniform);
            assertThat(out.points()).hasSize(8000);
            assertThat(out.weights()).isNull();
            // The last c/(1+c) are exactly the domain's fresh points, the rest are current points.
            assertThat(Arrays.copyOfRange(out.points(), 8000 - uniform, 8000)).containsExactly(domain.allDraws());
            double[] shares = siteShares(out.points(), 8000 - uniform);
            // Binomial standard deviation at most sqrt(0.25/2000) ~ 0.011.
            assertThat(shares).containsExactly(new double[] {0.1, 0.2, 0.3, 0.4}, within(0.04));
        }
    }

    @Test
    void exponentKSharpensTheDensity() {
        Resampled out = new RadSampler().create(Map.of("k", 2, "c", 0))
                .resample(fourSites(1, 2, 3, 4), BoxDomain.unit(1), new SplittableRandom(6));
        double[] shares = siteShares(out.points(), 8000);
        assertThat(shares).containsExactly(new double[] {1 / 30.0, 4 / 30.0, 9 / 30.0, 16 / 30.0}, within(0.03));
    }

    @Test
    void zeroResidualsGiveAUniformChoice() {
        Resampled out = new RadSampler().create(Map.of("c", 0))
                .resample(fourSites(0, 0, 0, 0), BoxDomain.unit(1), new SplittableRandom(7));
        assertThat(siteShares(out.points(), 8000)).containsExactly(new double[] {0.25, 0.25, 0.25, 0.25},
                within(0.03));
    }

    @Test
    void repeatedRedrawsDoNotCompoundTheDensity() {
        // r(x) = x on [0,1]: the residual part should follow density 2x, mean 2/3, round after round.
        // Weighting the already concentrated points by r again would give mean 0.714 in round two.
        BoxDomain domain = BoxDomain.unit(1);
        SplittableRandom random = new SplittableRandom(8);
        int n = 20000;
        double[] points = domain.sample(n, random);
        RadSampler.Redrawer rad = new RadSampler().create(Map.of());
        for (int round = 0; round < 3; round++) {
            Population pop = new Population(1, points, points.clone(), round);
            points = rad.resample(pop, domain, random).points();
            double mean = Arrays.stream(points, 0, n / 2).average().orElseThrow();
            assertThat(mean).as("round %d", round).isCloseTo(2 / 3.0, within(0.015));
        }
    }

    @Test
    void optionsHaveDefaultsAndNamedErrors() {
        assertThat(new RadSampler().create(null).settings()).isEqualTo(new RadSampler.Settings(1000, 1, 1));
        assertThat(new RadSampler().create(Map.of("every", 50)).every()).isEqualTo(50);
        assertThatThrownBy(() -> new RadSampler().create(Map.of("c", "-0.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampler.c")
                .hasMessageContaining("-0.5");
        assertThatThrownBy(() -> new RadSampler().create(Map.of("k", "two")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampler.k")
                .hasMessageContaining("two");
        assertThatThrownBy(() -> new RadSampler().create(Map.of("candidates", 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampler.candidates")
                .hasMessageContaining("sampler rad");
    }

    @Test
    void aPopulationOfTheWrongDimensionIsRejected() {
        Population pop = new Population(2, new double[] {0.1, 0.2}, new double[] {1}, 0);
        assertThatThrownBy(() -> new RadSampler().create(Map.of()).resample(pop, BoxDomain.unit(1),
                new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension 2").hasMessageContaining("dimension 1");
    }
}
