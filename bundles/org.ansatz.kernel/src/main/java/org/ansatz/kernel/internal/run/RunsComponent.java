package org.ansatz.kernel.internal.run;

import java.nio.file.Path;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.api.problem.Problem;
import org.ansatz.api.run.RunSpec;
import org.ansatz.api.run.Runs;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.Solution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Publishes {@link RunService}. */
@Component(service = Runs.class)
public class RunsComponent implements Runs {

    private final Runs delegate;

    @Activate
    public RunsComponent(@Reference MethodRegistry registry) {
        this.delegate = new RunService(registry);
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
}
