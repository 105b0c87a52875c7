package org.ansatz.samplers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ansatz.api.sampler.Sampler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every sampler in the bundle promises through {@link Sampler#sample}. */
class SamplerContractTest {

    static Stream<Sampler> samplers() {
        return Stream.of(new UniformSampler(), new GridSampler(), new LatinHypercubeSampler(), new SobolSampler(),
                new HaltonSampler(), new HammersleySampler(), new RarSampler(), new RadSampler(), new R3Sampler(),
                new CausalR3Sampler());
    }

    @ParameterizedTest
    @MethodSource("samplers")
    void givesCountPointsInTheHalfOpenUnitCube(Sampler sampler) {
        double[] p = sampler.sample(123, 3, new SplittableRandom(1));
        assertThat(p).hasSize(369);
        assertThat(Arrays.stream(p).min().getAsDouble()).isGreaterThanOrEqualTo(0);
        assertThat(Arrays.stream(p).max().getAsDouble()).isLessThan(1);
        assertThat(sampler.sample(0, 2, new SplittableRandom(1))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samplers")
    void sameSeedSamePointsOtherSeedOtherPoints(Sampler sampler) {
        double[] a = sampler.sample(50, 2, new SplittableRandom(7));
        assertThat(sampler.sample(50, 2, new SplittableRandom(7))).containsExactly(a);
        double[] b = sampler.sample(50, 2, new SplittableRandom(8));
        if (sampler instanceof GridSampler) {
            assertThat(b).containsExactly(a); // deterministic by design
        } else {
            assertThat(b).isNotEqualTo(a);
        }
    }

    @ParameterizedTest
    @MethodSource("samplers")
    void rejectsBadCountAndDimensionByName(Sampler sampler) {
        assertThatThrownBy(() -> sampler.sample(-1, 2, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count").hasMessageContaining("-1");
        assertThatThrownBy(() -> sampler.sample(10, 0, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension")
                .hasMessageContaining("0");
    }
}
