package org.ansatz.samplers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ansatz.api.sampler.Population;
import org.ansatz.api.sampler.Resampled;
import org.junit.jupiter.api.Test;

/** Residual-based adaptive refinement. */
class RarSamplerTest {

    private static final BoxDomain BOX = new BoxDomain(new double[] {0, 0}, new double[] {2, 1}, -1);

    /** 200 points in [0,2]x[0,1] with residual |sin(3x) cos(5y)|. */
    private static Population population() {
        double[] p = BOX.sample(200, new SplittableRandom(1));
        double[] r = new double[200];
        for (int i = 0; i < 200; i++) {
            r[i] = Math.abs(Math.sin(3 * p[2 * i]) * Math.cos(5 * p[2 * i + 1]));
        }
        return new Population(2, p, r, 1000);
    }

    private static int[] ranking(double[] r) {
        return IntStream.range(0, r.length).boxed().sorted(Comparator.comparingDouble(i -> -r[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    @Test
    void keepsEveryPointAndAddsJitteredCopiesOfTheLargestResiduals() {
        Population pop = population();
        Resampled out = new RarSampler().create(Map.of("count", 5, "spread", 0.01))
                .resample(pop, BOX, new SplittableRandom(2));
        assertThat(out.weights()).isNull();
        assertThat(out.points()).hasSize(205 * 2);
        assertThat(Arrays.copyOf(out.points(), 400)).containsExactly(pop.points());
        int[] top = ranking(pop.residuals());
        double[] p = pop.points();
        for (int i = 0; i < 5; i++) {
            double dx = out.points()[400 + 2 * i] - p[2 * top[i]];
            double dy = out.points()[401 + 2 * i] - p[2 * top[i] + 1];
            // five standard deviations of the jitter: 0.01 * 2 along x, 0.01 * 1 along y
            assertThat(Math.abs(dx)).isLessThan(0.1).isGreaterThan(0);
            assertThat(Math.abs(dy)).isLessThan(0.05).isGreaterThan(0);
        }
        // Their residuals are far above the typical one: the refinement goes where the error is.
        assertThat(pop.residuals()[top[4]]).isGreaterThan(2 * Adaptive.mean(pop.residuals()));
    }

    @Test
    void zeroSpreadDuplicatesAndCyclesWhenAskedForMoreThanThereAre() {
        Population pop = new Population(2, new double[] {0.1, 0.1, 1.5, 0.5, 1.9, 0.9}, new double[] {1, 3, 2}, 0);
        double[] out = new RarSampler().create(Map.of("count", "4", "spread", "0"))
                .resample(pop, BOX, new SplittableRandom(2)).points();
        assertThat(out).containsExactly(0.1, 0.1, 1.5, 0.5, 1.9, 0.9, 1.5, 0.5, 1.9, 0.9, 0.1, 0.1, 1.5, 0.5);
    }

    @Test
    void jitterIsClampedToTheBoundingBox() {
        Population pop = new Population(2, new double[] {2, 1, 0, 0}, new double[] {5, 4}, 0);
        double[] out = new RarSampler().create(Map.of("count", 200, "spread", 0.5))
                .resample(pop, BOX, new SplittableRandom(3)).points();
        for (int i = 2; i < 202; i++) {
            assertThat(out[2 * i]).isBetween(0.0, 2.0);
            assertThat(out[2 * i + 1]).isBetween(0.0, 1.0);
        }
        assertThat(out).contains(2.0, 0.0); // some were pulled back onto the faces
    }

    @Test
    void optionsHaveDefaultsOverridesAndNamedErrors() {
        RarSampler.Refiner defaults = new RarSampler().create(Map.of());
        assertThat(defaults.settings()).isEqualTo(new RarSampler.Settings(1000, 100, 0.01));
        assertThat(defaults.every()).isEqualTo(1000);
        assertThat(new RarSampler().create(Map.of("every", "250")).every()).isEqualTo(250);
        assertThatThrownBy(() -> new RarSampler().create(Map.of("cuont", 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampler.cuont")
                .hasMessageContaining("sampler rar");
        assertThatThrownBy(() -> new RarSampler().create(Map.of("spread", -1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampler.spread")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new RarSampler().create(Map.of("every", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampler.every");
    }

    @Test
    void configurationSetsTheDefaultsThatOptionsOverride() {
        RarSampler sampler = new RarSampler();
        sampler.activate(config(7, 3, 0.2));
        assertThat(sampler.create(Map.of()).settings()).isEqualTo(new RarSampler.Settings(7, 3, 0.2));
        assertThat(sampler.create(Map.of("count", 9)).settings()).isEqualTo(new RarSampler.Settings(7, 9, 0.2));
        assertThatThrownBy(() -> sampler.activate(config(7, 0, 0.2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(RarSampler.PID)
                .hasMessageContaining("count");
    }

    @Test
    void residualsThatAreNotFiniteMagnitudesAreRejected() {
        Population pop = new Population(2, new double[] {0.1, 0.1, 1.5, 0.5}, new double[] {1, Double.NaN}, 0);
        assertThatThrownBy(() -> new RarSampler().create(Map.of()).resample(pop, BOX, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point 1")
                .hasMessageContaining("NaN");
    }

    private static RarSampler.Config config(int every, int count, double spread) {
        return new RarSampler.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RarSampler.Config.class;
            }

            @Override
            public int every() {
                return every;
            }

            @Override
            public int count() {
                return count;
            }

            @Override
            public double spread() {
                return spread;
            }
        };
    }
}
