package org.ansatz.samplers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.ansatz.api.sampler.Population;
import org.ansatz.api.sampler.Resampled;
import org.ansatz.api.sampler.Resampler;
import org.junit.jupiter.api.Test;

/** Retain-resample-release. */
class R3SamplerTest {

    @Test
    void retainsExactlyThePointsAboveTheMeanAndRefillsFromTheDomain() {
        SplittableRandom random = new SplittableRandom(4);
        BoxDomain domain = new BoxDomain(new double[] {-1, 0}, new double[] {1, 3}, -1);
        double[] p = domain.sample(100, random);
        double[] r = new double[100];
        for (int i = 0; i < 100; i++) {
            r[i] = Math.exp(3 * p[2 * i]) * random.nextDouble();
        }
        double mean = Arrays.stream(r).average().orElseThrow();
        double[] expectedRetained = new double[0];
        for (int i = 0; i < 100; i++) {
            if (r[i] > mean) {
                expectedRetained = Arrays.copyOf(expectedRetained, expectedRetained.length + 2);
                expectedRetained[expectedRetained.length - 2] = p[2 * i];
                expectedRetained[expectedRetained.length - 1] = p[2 * i + 1];
            }
        }
        int kept = expectedRetained.length / 2;
        assertThat(kept).isBetween(5, 95);

        domain.draws.clear();
        Resampled out = new R3Sampler().create(Map.of()).resample(new Population(2, p, r, 10), domain, random);
        assertThat(out.points()).hasSize(200);
        assertThat(out.weights()).isNull();
        assertThat(Arrays.copyOf(out.points(), 2 * kept)).containsExactly(expectedRetained);
        assertThat(domain.draws).hasSize(1);
        assertThat(Arrays.copyOfRange(out.points(), 2 * kept, 200)).containsExactly(domain.allDraws());
    }

    @Test
    void pointsAtTheMeanAreReleased() {
        BoxDomain domain = BoxDomain.unit(1);
        Resampler r3 = new R3Sampler().create(Map.of());
        double[] p = {0.1, 0.2, 0.3, 0.4};
        double[] out = r3.resample(new Population(1, p, new double[] {1, 1, 1, 1}, 0), domain,
                new SplittableRandom(1)).points();
        assertThat(out).containsExactly(domain.allDraws());
        domain.draws.clear();
        out = r3.resample(new Population(1, p, new double[] {0, 3, 0, 3}, 0), domain, new SplittableRandom(1))
                .points();
        assertThat(Arrays.copyOf(out, 2)).containsExactly(0.2, 0.4);
        assertThat(Arrays.copyOfRange(out, 2, 4)).containsExactly(domain.allDraws());
    }

    @Test
    void optionsHaveDefaultsAndNamedErrors() {
        assertThat(new R3Sampler().create(Map.of()).every()).isEqualTo(1);
        assertThat(new R3Sampler().create(Map.of("every", 10)).every()).isEqualTo(10);
        assertThatThrownBy(() -> new R3Sampler().create(Map.of("every", 2.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampler.every")
                .hasMessageContaining("2.5");
        assertThatThrownBy(() -> new R3Sampler().create(Map.of("k", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampler.k")
                .hasMessageContaining("sampler r3");
    }
}
