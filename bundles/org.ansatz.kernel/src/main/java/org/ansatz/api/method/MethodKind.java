package org.ansatz.api.method;

import java.util.Locale;
import java.util.Optional;
import org.ansatz.api.balance.BalancerFactory;
import org.ansatz.api.data.DatasetProvider;
import org.ansatz.api.loss.Loss;
import org.ansatz.api.metric.Metric;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.optim.OptimizerFactory;
import org.ansatz.api.problem.Problem;
import org.ansatz.api.sampler.Sampler;
import org.ansatz.api.solver.Solver;

/** The kinds of methods plug-ins provide, each identified by the service interface it registers. */
public enum MethodKind {
    SOLVER(Solver.class),
    PROBLEM(Problem.class),
    MODEL(ModelFactory.class),
    LOSS(Loss.class),
    SAMPLER(Sampler.class),
    OPTIMIZER(OptimizerFactory.class),
    BALANCER(BalancerFactory.class),
    DATASET(DatasetProvider.class),
    DISCOVERER(org.ansatz.api.discovery.Discoverer.class),
    /** Dynamics learners: neural ODEs, Hamiltonian and Lagrangian networks, EDMD. */
    LEARNER(org.ansatz.api.dynamics.DynamicsLearner.class),
    /** Benchmark dynamical systems with trajectory generators. */
    SYSTEM(org.ansatz.api.dynamics.DynamicalSystem.class),
    INTEGRATOR(org.ansatz.api.dynamics.Integrator.class),
    METRIC(Metric.class);

    private final Class<?> serviceType;

    MethodKind(Class<?> serviceType) {
        this.serviceType = serviceType;
    }

    /** The service interface a method of this kind is registered under. */
    public Class<?> serviceType() {
        return serviceType;
    }

    /** Lower-case name used on the command line, e.g. {@code sampler}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind whose label or service interface name matches, ignoring case and a plural "s". */
    public static Optional<MethodKind> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (MethodKind k : values()) {
            if (k.label().equals(t) || (k.label() + "s").equals(t)
                    || k.serviceType.getName().toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The kind registered under this service interface name, if any. */
    public static Optional<MethodKind> ofServiceType(String className) {
        for (MethodKind k : values()) {
            if (k.serviceType.getName().equals(className)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
