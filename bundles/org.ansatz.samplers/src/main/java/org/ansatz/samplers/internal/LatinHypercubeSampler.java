package org.ansatz.samplers.internal;

import java.util.SplittableRandom;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.sampler.Sampler;
import org.osgi.service.component.annotations.Component;

/**
 * Latin hypercube sampling: each axis is cut into {@code count} equal strata and every stratum of
 * every axis holds exactly one point, at a uniform position inside it. The strata are matched across
 * axes by independent random permutations, so the one-dimensional projections are perfectly
 * stratified while the joint distribution stays random.
 */
@Component(service = Sampler.class)
@AnsatzMethod(name = "lhs", description = "Latin hypercube: one point in every stratum of every axis")
public final class LatinHypercubeSampler implements Sampler {

    public LatinHypercubeSampler() {
    }

    @Override
    public double[] sample(int count, int dimension, SplittableRandom random) {
        Points.check("lhs", count, dimension, random);
        double[] out = new double[count * dimension];
        int[] strata = new int[count];
        for (int a = 0; a < dimension; a++) {
            for (int i = 0; i < count; i++) {
                strata[i] = i;
            }
            for (int i = count - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = strata[i];
                strata[i] = strata[j];
                strata[j] = t;
            }
            for (int i = 0; i < count; i++) {
                double v = (strata[i] + random.nextDouble()) / count;
                // stratum + u may round up to the next integer for large counts; stay inside the stratum.
                double top = (strata[i] + 1.0) / count;
                out[i * dimension + a] = v < top ? v : Math.nextDown(top);
            }
        }
        return out;
    }
}
