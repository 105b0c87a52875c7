package org.ansatz.samplers.internal;

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
 * Retain–Resample–Release sampling (R3; Daw, Bu, Wang, Perdikaris, Karpatne, ICML 2023): every
 * {@code every} steps the points whose residual magnitude is strictly above the mean are retained,
 * the others are released and replaced by fresh uniform points from the domain, so the count stays
 * the same. Retained points accumulate where the residual stays high, which is what lets R3 break
 * the propagation failures of plain PINN training; it needs no extra residual evaluations.
 *
 * <p>The new set lists the retained points in their old order, then the fresh ones. The initial set
 * ({@link #sample}) is i.i.d. uniform.
 */
@Component(service = Sampler.class, configurationPid = R3Sampler.PID)
@Designate(ocd = R3Sampler.Config.class)
@AnsatzMethod(name = "r3", description = "Retain-resample-release: keeps points above the mean residual, redraws the rest")
public final class R3Sampler implements AdaptiveSampler {

    static final String PID = "org.ansatz.sampler.r3";

    /** Defaults of the per-run options. */
    @ObjectClassDefinition(name = "R3 sampler", description = "Defaults for sampler r3; per-run sampler.* options override them.")
    public @interface Config {
        @AttributeDefinition(description = "Optimizer steps between resamplings (the paper resamples every step).")
        int every() default 1;
    }

    /** Validated settings of one run. */
    record Settings(int every) {
        static final Settings DEFAULT = new Settings(1);

        static Settings read(Options o, Settings fallback) {
            return new Settings(o.integer("every", fallback.every, 1));
        }
    }

    private volatile Settings defaults = Settings.DEFAULT;

    public R3Sampler() {
    }

    @Activate
    @Modified // new defaults apply without withdrawing the method
    void activate(Config config) {
        defaults = Settings.read(new Options(Map.of("every", config.every()), "configuration " + PID + ": "),
                Settings.DEFAULT);
    }

    @Override
    public double[] sample(int count, int dimension, SplittableRandom random) {
        Points.check("r3", count, dimension, random);
        return Points.uniform(count, dimension, random);
    }

    @Override
    public Retainer create(Map<String, Object> options) {
        Options o = new Options(options, "sampler.");
        Settings settings = Settings.read(o, defaults);
        o.checkAllRead("sampler r3");
        return new Retainer(settings);
    }

    /** The per-run state (none beyond the settings). */
    static final class Retainer implements Resampler {
        private final Settings settings;

        Retainer(Settings settings) {
            this.settings = settings;
        }

        @Override
        public int every() {
            return settings.every;
        }

        @Override
        public Resampled resample(Population current, Domain domain, SplittableRandom random) {
            Adaptive.check("r3", current, domain);
            double[] r = current.residuals();
            double threshold = Adaptive.mean(r);
            boolean[] keep = new boolean[r.length];
            int kept = 0;
            for (int i = 0; i < r.length; i++) {
                keep[i] = r[i] > threshold;
                kept += keep[i] ? 1 : 0;
            }
            double[] fresh = Adaptive.fresh("r3", domain, r.length - kept, random);
            return new Resampled(Adaptive.retainAndAppend(current.points(), keep, fresh, current.dimension()), null);
        }
    }
}
