package org.ansatz.samplers.internal;

import java.util.SplittableRandom;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.sampler.Sampler;
import org.osgi.service.component.annotations.Component;

/** Independent uniform points: the baseline every other sampler is compared against. */
@Component(service = Sampler.class)
@AnsatzMethod(name = "uniform", description = "Independent uniform random points")
public final class UniformSampler implements Sampler {

    public UniformSampler() {
    }

    @Override
    public double[] sample(int count, int dimension, SplittableRandom random) {
        Points.check("uniform", count, dimension, random);
        return Points.uniform(count, dimension, random);
    }
}
