package org.ansatz.samplers.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
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
 * Residual-based adaptive distribution (RAD; Wu, Zhu, Tan, Kartha, Lu, CMAME 2023): every
 * {@code every} steps all points are replaced by a draw from the density
 * {@code p(x) ∝ |r(x)|^k / E|r|^k + c} over the domain.
 *
 * <p>That density is a mixture: its first term integrates to 1 and the constant to c (over the
 * domain's normalised volume), so a fraction {@code c/(1+c)} of the new points (rounded to a whole
 * number) are fresh uniform points from the domain and the rest follow {@code |r|^k}. The paper
 * evaluates residuals on a dense fresh candidate set for the second part; a {@link Resampler} only
 * knows the residuals at the current points, so those points are the candidates, drawn with
 * replacement (a point drawn twice counts twice in the residual loss). Deviation for consistency:
 * after the first resample the current points are no longer uniform, and weighting them by
 * {@code |r|^k} alone would multiply densities round after round and collapse the set. Each point
 * therefore remembers the density q (relative to uniform) it was drawn from, 1 for uniform points and
 * {@code |r|^k / E|r|^k} at the time of drawing for residual ones, and candidates are weighted by
 * {@code |r|^k / q}, the importance weight toward the uniform measure; {@code E|r|^k} is estimated the
 * same way. The memory applies only while the population passed in is exactly the set this resampler
 * returned last; any other set is taken as uniform. With all residuals zero the density is uniform.
 *
 * <p>The initial set ({@link #sample}) is i.i.d. uniform.
 */
@Component(service = Sampler.class, configurationPid = RadSampler.PID)
@Designate(ocd = RadSampler.Config.class)
@AnsatzMethod(name = "rad", description = "Residual-based adaptive distribution: redraws all points with density ~ |r|^k/mean + c")
public final class RadSampler implements AdaptiveSampler {

    static final String PID = "org.ansatz.sampler.rad";

    /** Defaults of the per-run options. */
    @ObjectClassDefinition(name = "RAD sampler", description = "Defaults for sampler rad; per-run sampler.* options override them.")
    public @interface Config {
        @AttributeDefinition(description = "Optimizer steps between redraws.")
        int every() default 1000;

        @AttributeDefinition(description = "Exponent of the residual in the density; larger concentrates more.")
        double k() default 1.0;

        @AttributeDefinition(description = "Uniform part of the density; c/(1+c) of the points are uniform.")
        double c() default 1.0;
    }

    /** Validated settings of one run. */
    record Settings(int every, double k, double c) {
        static final Settings DEFAULT = new Settings(1000, 1.0, 1.0);

        static Settings read(Options o, Settings fallback) {
            return new Settings(o.integer("every", fallback.every, 1), o.real("k", fallback.k, 0),
                    o.real("c", fallback.c, 0));
        }
    }

    private volatile Settings defaults = Settings.DEFAULT;

    public RadSampler() {
    }

    @Activate
    @Modified // new defaults apply without withdrawing the method
    void activate(Config config) {
        defaults = Settings.read(new Options(Map.of("every", config.every(), "k", config.k(), "c", config.c()),
                "configuration " + PID + ": "), Settings.DEFAULT);
    }

    @Override
    public double[] sample(int count, int dimension, SplittableRandom random) {
        Points.check("rad", count, dimension, random);
        return Points.uniform(count, dimension, random);
    }

    @Override
    public Redrawer create(Map<String, Object> options) {
        Options o = new Options(options, "sampler.");
        Settings settings = Settings.read(o, defaults);
        o.checkAllRead("sampler rad");
        return new Redrawer(settings);
    }

    /** The per-run state: the last set returned and the density each of its points came from. */
    static final class Redrawer implements Resampler {
        private final Settings settings;
        private double[] lastPoints;
        private double[] lastDensity;

        Redrawer(Settings settings) {
            this.settings = settings;
        }

        Settings settings() {
            return settings;
        }

        /** How many of {@code n} new points are fresh uniform ones. */
        int uniformCount(int n) {
            return (int) Math.round(n * settings.c / (1 + settings.c));
        }

        @Override
        public int every() {
            return settings.every;
        }

        @Override
        public Resampled resample(Population current, Domain domain, SplittableRandom random) {
            Adaptive.check("rad", current, domain);
            int n = current.size();
            int d = current.dimension();
            double[] p = current.points();
            if (n == 0) {
                return new Resampled(p.clone(), null);
            }
            double[] r = current.residuals();
            boolean remembered = lastPoints != null && Arrays.equals(lastPoints, p);
            double rmax = Arrays.stream(r).max().orElse(0);
            // |r|^k scaled by rmax^k, which cancels in the density and keeps pow from overflowing.
            double[] powered = new double[n];
            double[] weight = new double[n];
            double sumInverse = 0;
            double sumWeight = 0;
            for (int i = 0; i < n; i++) {
                double inverse = remembered ? 1 / lastDensity[i] : 1;
                powered[i] = rmax > 0 ? Math.pow(r[i] / rmax, settings.k) : 1;
                weight[i] = inverse * powered[i];
                sumInverse += inverse;
                sumWeight += weight[i];
            }
            boolean flat = !(sumWeight > 0);
            if (flat) {
                for (int i = 0; i < n; i++) {
                    powered[i] = 1;
                    weight[i] = remembered ? 1 / lastDensity[i] : 1;
                }
                sumWeight = sumInverse;
            }
            double meanPowered = sumWeight / sumInverse;
            double[] cumulative = new double[n];
            double running = 0;
            for (int i = 0; i < n; i++) {
                running += weight[i];
                cumulative[i] = running;
            }

            int uniform = uniformCount(n);
            int drawn = n - uniform;
            double[] out = new double[n * d];
            double[] density = new double[n];
            for (int i = 0; i < drawn; i++) {
                int pick = Arrays.binarySearch(cumulative, random.nextDouble() * running);
                pick = pick >= 0 ? pick + 1 : -pick - 1;
                // An exact hit on a cumulative sum belongs to the next bin; skip zero-weight bins and the end.
                while (pick < n - 1 && weight[pick] == 0) {
                    pick++;
                }
                pick = Math.min(pick, n - 1);
                System.arraycopy(p, pick * d, out, i * d, d);
                density[i] = powered[pick] / meanPowered;
            }
            double[] fresh = Adaptive.fresh("rad", domain, uniform, random);
            System.arraycopy(fresh, 0, out, drawn * d, fresh.length);
            Arrays.fill(density, drawn, n, 1.0);
            lastPoints = out.clone();
            lastDensity = density;
            return new Resampled(out, null);
        }
    }
}
