package org.ansatz.kernel.internal.run;

import java.nio.file.Path;
import java.util.Map;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.api.problem.Problem;
import org.ansatz.api.run.RunOutputs;
import org.ansatz.api.run.RunSpec;
import org.ansatz.api.run.RunSpecReader;
import org.ansatz.api.run.Runs;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.Solution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Publishes {@link RunService}. The spec reader and the output writer are optional and dynamic: the
 * bundle that provides them can come and go without restarting runs of the kernel's clients.
 */
@Component(service = Runs.class)
public class RunsComponent implements Runs {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile RunSpecReader reader;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile RunOutputs outputs;

    private final Runs delegate;

    @Activate
    public RunsComponent(@Reference MethodRegistry registry) {
        this.delegate = new RunService(registry, () -> reader, () -> outputs);
    }

    @Override
    public Solution solve(RunSpec spec, Progress progress) {
        return delegate.solve(spec, progress);
    }

    @Override
    public Solution open(Path runDirectory) {
        return delegate.open(runDirectory);
    }

    @Override
    public Solution open(Path runDirectory, Problem problem) {
        return delegate.open(runDirectory, problem);
    }

    @Override
    public RunRecord record(Path runDirectory) {
        return delegate.record(runDirectory);
    }

    @Override
    public RunSpec read(Path specFile, Map<String, String> overrides) {
        return delegate.read(specFile, overrides);
    }

    @Override
    public Solution resume(Path runDirectory, Progress progress) {
        return delegate.resume(runDirectory, progress);
    }

    @Override
    public Solution resume(Path runDirectory, Problem problem, Progress progress) {
        return delegate.resume(runDirectory, problem, progress);
    }

    @Override
    public RunStatus status(Path runDirectory) {
        return delegate.status(runDirectory);
    }
}
