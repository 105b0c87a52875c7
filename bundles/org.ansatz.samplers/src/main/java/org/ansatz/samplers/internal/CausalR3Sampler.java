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
 * Causal R3 (Daw et al., ICML 2023, section on causal R3): R3 whose fitness is gated in time so that
 * training moves forward from the initial condition, as causality demands.
 *
 * <p>The gate is {@code g(t) = (1 - tanh(alpha (t_norm - gamma))) / 2}, with {@code t_norm} the time
 * coordinate ({@link Domain#timeAxis()}) scaled to [0,1] by the domain's bounds: close to 1 before
 * {@code gamma}, close to 0 after it, with sharpness {@code alpha}. Each resample, in this order:
 * <ol>
 * <li>the gated residual loss of the current points is {@code L_g = mean(g(t_i) r_i^2)} with the gate
 * the points were trained with;</li>
 * <li>{@code gamma <- gamma + eta * exp(-epsilon * L_g)}: the gate opens quickly once the gated
 * residuals are small and barely moves while they are large;</li>
 * <li>with the updated gate, the points whose gated residual {@code g(t_i) |r_i|} is strictly above
 * its mean are retained and the rest replaced by fresh uniform points from the domain;</li>
 * <li>the updated gate at the new points is returned as the weights of the residual loss, so the
 * optimised loss is {@code mean(g r^2)}.</li>
 * </ol>
 * {@code gamma} starts at the option {@code gamma} and changes once per resample, not per optimizer
 * step: with {@code every > 1} scale {@code eta} up to keep the paper's pace. Until the first resample
 * the training loop uses equal weights. The initial set ({@link #sample}) is i.i.d. uniform.
 */
@Component(service = Sampler.class, configurationPid = CausalR3Sampler.PID)
@Designate(ocd = CausalR3Sampler.Config.class)
@AnsatzMethod(name = "causal-r3", description = "R3 with a causal time gate that opens as early times are learned")
public final class CausalR3Sampler implements AdaptiveSampler {

    static final String PID = "org.ansatz.sampler.causal-r3";

    /** Defaults of the per-run options. */
    @ObjectClassDefinition(name = "Causal R3 sampler", description = "Defaults for sampler causal-r3; per-run sampler.* options override them.")
    public @interface Config {
        @AttributeDefinition(description = "Optimizer steps between resamplings (the paper resamples every step).")
        int every() default 1;

        @AttributeDefinition(description = "Sharpness of the causal gate.")
        double alpha() default 5.0;

        @AttributeDefinition(description = "Initial gate position in normalised time.")
        double gamma() default -0.5;

        @AttributeDefinition(description = "Largest gate advance per resample.")
        double eta() default 1e-3;

        @AttributeDefinition(description = "How strongly a large gated loss holds the gate back.")
        double epsilon() default 1.0;
    }

    /** Validated settings of one run. */
    record Settings(int every, double alpha, double gamma, double eta, double epsilon) {
        static final Settings DEFAULT = new Settings(1, 5.0, -0.5, 1e-3, 1.0);

        static Settings read(Options o, Settings fallback) {
            return new Settings(o.integer("every", fallback.every, 1), o.real("alpha", fallback.alpha, 0),
                    o.real("gamma", fallback.gamma, -Double.MAX_VALUE), o.real("eta", fallback.eta, 0),
                    o.real("epsilon", fallback.epsilon, 0));
        }
    }

    private volatile Settings defaults = Settings.DEFAULT;

    public CausalR3Sampler() {
    }

    @Activate
    @Modified // new defaults apply without withdrawing the method
    void activate(Config config) {
        defaults = Settings.read(new Options(Map.of("every", config.every(), "alpha", config.alpha(),
                "gamma", config.gamma(), "eta", config.eta(), "epsilon", config.epsilon()),
                "configuration " + PID + ": "), Settings.DEFAULT);
    }

    @Override
    public double[] sample(int count, int dimension, SplittableRandom random) {
        Points.check("causal-r3", count, dimension, random);
        return Points.uniform(count, dimension, random);
    }

    @Override
    public CausalRetainer create(Map<String, Object> options) {
        Options o = new Options(options, "sampler.");
        Settings settings = Settings.read(o, defaults);
        o.checkAllRead("sampler causal-r3");
        return new CausalRetainer(settings);
    }

    /** {@code (1 - tanh(alpha (tNorm - gamma))) / 2}. */
    static double gate(double tNorm, double alpha, double gamma) {
        return 0.5 * (1 - Math.tanh(alpha * (tNorm - gamma)));
    }

    /** The per-run state: the gate position. */
    static final class CausalRetainer implements Resampler {
        private final Settings settings;
        private double gamma;

        CausalRetainer(Settings settings) {
            this.settings = settings;
            this.gamma = settings.gamma;
        }

        /** The current gate position. */
        double gamma() {
            return gamma;
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
            Adaptive.check("causal-r3", current, domain);
            int axis = domain.timeAxis();
            int d = current.dimension();
            if (axis < 0 || axis >= d) {
                throw new IllegalArgumentException("sampler causal-r3 needs a time coordinate, but the problem is "
                        + (axis < 0 ? "steady (its domain has no time axis); use r3" : "given time axis " + axis
                        + " outside its " + d + " dimensions"));
            }
            double[] b = domain.bounds();
            double t0 = b[axis];
            double length = b[d + axis] - t0;
            if (!(length > 0) || Double.isInfinite(length)) {
                throw new IllegalArgumentException("sampler causal-r3: the time axis spans [" + t0 + ", "
                        + b[d + axis] + "], which cannot be normalised to [0,1]");
            }
            double[] p = current.points();
            double[] r = current.residuals();
            int n = r.length;

            double loss = 0;
            for (int i = 0; i < n; i++) {
                loss += gate((p[i * d + axis] - t0) / length, settings.alpha, gamma) * r[i] * r[i];
            }
            loss = n == 0 ? 0 : loss / n;
            gamma += settings.eta * Math.exp(-settings.epsilon * loss);

            double[] fitness = new double[n];
            for (int i = 0; i < n; i++) {
                fitness[i] = gate((p[i * d + axis] - t0) / length, settings.alpha, gamma) * r[i];
            }
            double threshold = Adaptive.mean(fitness);
            boolean[] keep = new boolean[n];
            int kept = 0;
            for (int i = 0; i < n; i++) {
                keep[i] = fitness[i] > threshold;
                kept += keep[i] ? 1 : 0;
            }
            double[] fresh = Adaptive.fresh("causal-r3", domain, n - kept, random);
            double[] out = Adaptive.retainAndAppend(p, keep, fresh, d);
            double[] weights = new double[n];
            for (int i = 0; i < n; i++) {
                weights[i] = gate((out[i * d + axis] - t0) / length, settings.alpha, gamma);
            }
            return new Resampled(out, weights);
        }
    }
}
