package org.ansatz.api.sampler;

import java.util.SplittableRandom;
import org.osgi.annotation.versioning.ProviderType;

/** The region collocation points live in, as an adaptive sampler sees it. */
@ProviderType
public interface Domain {

    int dimension();

    /** Uniform random points inside, row-major. */
    double[] sample(int count, SplittableRandom random);

    /** Index of the time coordinate, or -1 for steady problems. */
    int timeAxis();

    /** Lower then upper corner of the bounding box: {@code [lo_0..lo_d-1, hi_0..hi_d-1]}. */
    double[] bounds();
}
