package org.ansatz.samplers.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.method.Options;
import org.ansatz.api.sampler.AdaptiveSampler;
import org.ansatz.api.sampler.Domain;
import org.ansatz.api.sampler.Population;
import org.ansatz.api.sampler.Resampled;
import org.ansatz.api.sampler.Resampler;
import org.ansatz.api.sampler.Sampler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Residual-based adaptive refinement (RAR; Lu, Meng, Mao, Karniadakis, SIAM Review 2021): the point
 * set only grows, with new points where the residual is largest.
 *
 * <p>Deviation from DeepXDE's RAR, forced by the API: the original evaluates the residual on a
 * large fresh candidate set and adds the candidates with the largest residuals, but a
 * {@link Resampler} only sees residuals at the current points. So every {@code every} steps this
 * keeps all current points and adds {@code count} new ones, each a copy of one of the {@code count}
 * highest-residual current points (ties by position; if there are fewer points than {@code count},
 * the ranking is cycled) moved by Gaussian jitter with standard deviation {@code spread} times the
 * bounding-box length along each axis, then clamped to the bounding box. The domain offers no
 * inside test, so in a domain that does not fill its box a jittered point may leave the domain by
 * up to a few {@code spread}s near a curved boundary; {@code spread = 0} adds exact duplicates,
 * which never leave it and act as extra weight on those residuals.
 *
 * <p>The initial set ({@link #sample}) is i.i.d. uniform.
 */
@Component(service = Sampler.class, configurationPid = RarSampler.PID)
@Designate(ocd = RarSampler.Config.class)
@AnsatzMethod(name = "rar", description = "Residual-based adaptive refinement: adds points near the largest residuals")
public final class RarSampler implements AdaptiveSampler {

    static final String PID = "org.ansatz.sampler.rar";

    /** Defaults of the per-run options. */
    @ObjectClassDefinition(name = "RAR sampler", description = "Defaults for sampler rar; per-run sampler.* options override them.")
    public @interface Config {
        @AttributeDefinition(description = "Optimizer steps between refinements.")
        int every() default 1000;

        @AttributeDefinition(description = "Points added per refinement.")
        int count() default 100;

        @AttributeDefinition(description = "Jitter standard deviation as a fraction of the bounding box per axis; 0 adds duplicates.")
        double spread() default 0.01;
    }

    /** Validated settings of one run. */
    record Settings(int every, int count, double spread) {
        static final Settings DEFAULT = new Settings(1000, 100, 0.01);

        static Settings read(Options o, Settings fallback) {
            return new Settings(o.integer("every", fallback.every, 1), o.integer("count", fallback.count, 1),
                    o.real("spread", fallback.spread, 0));
        }
    }

    private volatile Settings defaults = Settings.DEFAULT;

    public RarSampler() {
    }

    @Activate
    @Modified // new defaults apply without withdrawing the method
    void activate(Config config) {
        defaults = Settings.read(new Options(Map.of("every", config.every(), "count", config.count(),
                "spread", config.spread()), "configuration " + PID + ": "), Settings.DEFAULT);
    }

    @Override
    public double[] sample(int count, int dimension, SplittableRandom random) {
        Points.check("rar", count, dimension, random);
        return Points.uniform(count, dimension, random);
    }

    @Override
    public Refiner create(Map<String, Object> options) {
        Options o = new Options(options, "sampler.");
        Settings settings = Settings.read(o, defaults);
        o.checkAllRead("sampler rar");
        return new Refiner(settings);
    }

    /** The per-run state (none beyond the settings: the point set itself is the memory). */
    static final class Refiner implements Resampler {
        private final Settings settings;

        Refiner(Settings settings) {
            this.settings = settings;
        }

        Settings settings() {
            return settings;
        }

        @Override
        public int every() {
            return settings.every;
        }

        @Override
        public Resampled resample(Population current, Domain domain, SplittableRandom random) {
            Adaptive.check("rar", current, domain);
            int n = current.size();
            int d = current.dimension();
            double[] p = current.points();
            if (n == 0) {
                return new Resampled(p.clone(), null);
            }
            double[] r = current.residuals();
            int[] ranking = IntStream.range(0, n).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -r[i]).thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            double[] b = domain.bounds();
            double[] out = Arrays.copyOf(p, (n + settings.count) * d);
            for (int i = 0; i < settings.count; i++) {
                int source = ranking[i % n];
                for (int a = 0; a < d; a++) {
                    double lo = b[a];
                    double hi = b[d + a];
                    double v = p[source * d + a] + settings.spread * (hi - lo) * random.nextGaussian();
                    out[(n + i) * d + a] = Math.min(hi, Math.max(lo, v));
                }
            }
            return new Resampled(out, null);
        }
    }
}
