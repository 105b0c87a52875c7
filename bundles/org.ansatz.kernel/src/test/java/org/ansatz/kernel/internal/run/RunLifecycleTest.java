package org.ansatz.kernel.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.problem.Problem;
import org.ansatz.api.run.Resumable;
import org.ansatz.api.run.RunOutputs;
import org.ansatz.api.run.RunSpec;
import org.ansatz.api.run.Runs;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.Solution;
import org.ansatz.api.solver.SolveRequest;
import org.ansatz.api.solver.Solver;
import org.ansatz.kernel.internal.registry.MethodCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Status files, output settings and resuming, as {@link RunService} handles them for every solver. */
class RunLifecycleTest {

    @TempDir
    Path tmp;

    /** Fails on request, records what it is asked, and can resume. */
    final class Scripted implements Solver, Resumable {
        final List<SolveRequest> solved = new ArrayList<>();
        final List<SolveRequest> resumed = new ArrayList<>();
        final List<String> statusWhileRunning = new ArrayList<>();
        RuntimeException failure;

        @Override
        public boolean supports(Problem problem) {
            return true;
        }

        @Override
        public Solution solve(SolveRequest request, Progress progress) {
            solved.add(request);
            statusWhileRunning.add(runs.status(request.runDirectory()).state());
            if (failure != null) {
                throw failure;
            }
            return solution();
        }

        @Override
        public Solution resume(SolveRequest request, Progress progress) {
            resumed.add(request);
            return solution();
        }
    }

    static Solution solution() {
        return new Solution() {
            @Override
            public PointSet predict(PointSet inputs) {
                return inputs;
            }

            @Override
            public Map<String, Double> metrics() {
                return Map.of();
            }
        };
    }

    /** Records the calls of the kernel to the output writer. */
    static final class RecordingOutputs implements RunOutputs {
        final List<String> calls = new ArrayList<>();

        @Override
        public void check(Map<String, Object> settings) {
            calls.add("check " + settings);
            if (settings.containsKey("bogus")) {
                throw new IllegalArgumentException("unknown setting output.bogus");
            }
        }

        @Override
        public List<String> write(Path dir, Problem problem, Solution solution, Map<String, Object> settings) {
            calls.add("write " + settings);
            return List.of();
        }
    }

    private final MethodCatalog catalog = new MethodCatalog();
    private final Scripted solver = new Scripted();
    private final RecordingOutputs outputs = new RecordingOutputs();
    private final Runs runs = new RunService(catalog, () -> null, () -> outputs);

    RunLifecycleTest() {
        catalog.add(new MethodDescriptor("line", MethodKind.PROBLEM, "", "t", "1", 1), RunServiceTest.Line::new);
        catalog.add(new MethodDescriptor("scripted", MethodKind.SOLVER, "", "t", "1", 2), () -> solver);
    }

    private RunSpec spec(Path dir) {
        return RunSpec.of("line").with("solver", "scripted").with("steps", 12).with("output.plots", "false").seed(5)
                .directory(dir);
    }

    @Test
    void statusIsRunningDuringTheRunThenFinishedOrFailedWithTheError() {
        Path ok = tmp.resolve("ok");
        runs.solve(spec(ok), Progress.NONE).close();
        assertThat(solver.statusWhileRunning).containsExactly("running");
        Runs.RunStatus done = runs.status(ok);
        assertThat(done.state()).isEqualTo("finished");
        assertThat(done.parts()).isEqualTo(1);
        assertThat(done.error()).isNull();
        assertThat(done.started()).isNotNull();

        Path bad = tmp.resolve("bad");
        solver.failure = new IllegalStateException("training diverged: loss NaN at \"adam\" step 7");
        assertThatThrownBy(() -> runs.solve(spec(bad), Progress.NONE)).isSameAs(solver.failure);
        assertThat(runs.status(bad).state()).isEqualTo("failed");
        assertThat(runs.status(bad).error()).isEqualTo("training diverged: loss NaN at \"adam\" step 7");
        assertThat(runs.status(tmp)).isEqualTo(new Runs.RunStatus("unknown", null, null, 0, 0));
    }

    @Test
    void aRunMarkedRunningByAProcessThatIsGoneWasKilled() throws Exception {
        Path dir = tmp.resolve("killed");
        runs.solve(spec(dir), Progress.NONE).close();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String status = Files.readString(dir.resolve(Runs.STATUS_FILE)).replace("\"finished\"", "\"running\"")
                .replaceAll("\"pid\": \\d+", "\"pid\": " + gone.pid());
        Files.writeString(dir.resolve(Runs.STATUS_FILE), status);
        assertThat(runs.status(dir).state()).isEqualTo("killed");
        Files.writeString(dir.resolve(Runs.STATUS_FILE), status.replaceAll("\"pid\": \\d+", "\"pid\": "
                + ProcessHandle.current().pid()));
        assertThat(runs.status(dir).state()).isEqualTo("running");
        assertThatThrownBy(() -> runs.resume(dir, Progress.NONE)).hasMessageContaining("is still running");
    }

    @Test
    void outputSettingsAreCheckedBeforeTheRunAndGoToTheWriterNotTheSolver() {
        Path dir = tmp.resolve("out");
        runs.solve(spec(dir), Progress.NONE).close();
        assertThat(solver.solved.get(0).settings()).doesNotContainKey("output.plots").containsKey("steps");
        assertThat(outputs.calls).containsExactly("check {plots=false}", "write {plots=false}");
        Path typo = tmp.resolve("typo");
        assertThatThrownBy(() -> runs.solve(spec(typo).with("output.bogus", 1), Progress.NONE))
                .hasMessageContaining("output.bogus");
        assertThat(solver.solved).hasSize(1);
        Runs bare = new RunService(catalog);
        assertThatThrownBy(() -> bare.solve(spec(tmp.resolve("bare")), Progress.NONE))
                .hasMessageContaining("[output.plots]").hasMessageContaining("org.ansatz.runs");
        assertThatThrownBy(() -> bare.read(tmp.resolve("spec.yaml"), Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org.ansatz.runs");
    }

    @Test
    void resumeContinuesWithTheRecordedSettingsAndSeedAndCountsTheParts() {
        Path dir = tmp.resolve("resumed");
        solver.failure = new IllegalStateException("killed in the middle");
        assertThatThrownBy(() -> runs.solve(spec(dir), Progress.NONE)).isSameAs(solver.failure);
        runs.resume(dir, Progress.NONE).close();
        SolveRequest first = solver.solved.get(0);
        SolveRequest again = solver.resumed.get(0);
        assertThat(again.seed()).isEqualTo(5);
        assertThat(again.runDirectory()).isEqualTo(dir);
        assertThat(again.problem()).isInstanceOf(RunServiceTest.Line.class);
        // settings come back as the text they were recorded as: what Options parses either way
        Map<String, String> text = new LinkedHashMap<>();
        first.settings().forEach((k, v) -> text.put(k, String.valueOf(v)));
        assertThat(again.settings()).isEqualTo(text);
        assertThat(runs.status(dir).state()).isEqualTo("finished");
        assertThat(runs.status(dir).parts()).isEqualTo(2);
        assertThat(outputs.calls).endsWith("write {plots=false}");
        assertThatThrownBy(() -> runs.resume(dir, Progress.NONE)).hasMessageContaining("has finished");
    }

    @Test
    void aCancelledRunIsMarkedSoAndCanBeResumed() {
        Path dir = tmp.resolve("cancelled");
        Progress cancelled = new Progress() {
            @Override
            public void report(org.ansatz.api.solver.ProgressUpdate update) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        runs.solve(spec(dir), cancelled).close();
        assertThat(runs.status(dir).state()).isEqualTo("cancelled");
        runs.resume(dir, Progress.NONE).close();
        assertThat(solver.resumed).hasSize(1);
        assertThat(runs.status(dir).state()).isEqualTo("finished");
    }

    @Test
    void aSolverThatCannotResumeIsNamed() {
        Solver plain = new RunServiceTest.Recorder();
        catalog.add(new MethodDescriptor("recorder", MethodKind.SOLVER, "", "t", "1", 3), () -> plain);
        Path dir = tmp.resolve("plain");
        runs.solve(spec(dir).with("solver", "recorder"), Progress.NONE).close();
        assertThatThrownBy(() -> runs.resume(dir, Progress.NONE)).hasMessageContaining("solver 'recorder' cannot "
                + "resume runs");
    }
}
