package org.ansatz.kernel.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.UnknownMethodException;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.problem.Problem;
import org.ansatz.api.problem.Reference;
import org.ansatz.api.run.RunSpec;
import org.ansatz.api.run.Runs;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.Solution;
import org.ansatz.api.solver.SolveRequest;
import org.ansatz.api.solver.Solver;
import org.ansatz.kernel.internal.registry.MethodCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunServiceTest {

    @TempDir
    Path tmp;

    /** A problem with defaults, so the merge of defaults and settings is visible. */
    static class Line implements Problem {
        @Override
        public String description() {
            return "a line";
        }

        @Override
        public List<String> inputs() {
            return List.of("x");
        }

        @Override
        public List<String> outputs() {
            return List.of("u");
        }

        @Override
        public Optional<Reference> reference() {
            return Optional.empty();
        }

        @Override
        public Map<String, Object> defaults() {
            return Map.of("steps", "10", "solver", "recorder");
        }
    }

    /** Records the requests it gets and what it reopens. */
    static final class Recorder implements Solver {
        final List<SolveRequest> requests = new ArrayList<>();
        final List<Path> loaded = new ArrayList<>();

        @Override
        public boolean supports(Problem problem) {
            return problem.inputs().contains("x");
        }

        @Override
        public Solution solve(SolveRequest request, org.ansatz.api.solver.Progress progress) {
            requests.add(request);
            return solution();
        }

        @Override
        public Solution load(Problem problem, Path runDirectory) {
            loaded.add(runDirectory);
            return solution();
        }

        private static Solution solution() {
            return new Solution() {
                @Override
                public PointSet predict(PointSet inputs) {
                    return inputs;
                }

                @Override
                public Map<String, Double> metrics() {
                    return Map.of("rel-l2", 0.5);
                }
            };
        }
    }

    private final MethodCatalog catalog = new MethodCatalog();
    private final Recorder recorder = new Recorder();
    private final Line line = new Line();
    private final Runs runs = new RunService(catalog);

    RunServiceTest() {
        catalog.add(new MethodDescriptor("line", MethodKind.PROBLEM, "", "t", "1", 1), () -> line);
        catalog.add(new MethodDescriptor("recorder", MethodKind.SOLVER, "", "t", "1", 2), () -> recorder);
    }

    @Test
    void settingsOverrideTheProblemsDefaultsAndTheRunCanBeReopened() {
        Path dir = tmp.resolve("run");
        try (Solution s = runs.solve(RunSpec.of("line").with("steps", 3).seed(7).directory(dir), Progress.NONE)) {
            assertThat(s.metrics()).containsEntry("rel-l2", 0.5);
        }
        SolveRequest r = recorder.requests.get(0);
        assertThat(r.settings()).containsEntry("steps", 3).containsEntry("solver", "recorder");
        assertThat(r.seed()).isEqualTo(7);
        assertThat(r.problem()).isSameAs(line);
        assertThat(runs.record(dir)).isEqualTo(new Runs.RunRecord("line", "recorder", 7));
        runs.open(dir).close();
        assertThat(recorder.loaded).containsExactly(dir);
        assertThat(dir).isDirectoryContaining(p -> p.getFileName().toString().equals(Runs.RUN_FILE));
        try (var files = java.util.stream.Stream.of(dir.toFile().list())) {
            assertThat(files.filter(f -> f.endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void aHostsOwnProblemNeedsNoRegistration() {
        Problem own = new Line() {
            @Override
            public Map<String, Object> defaults() {
                return Map.of();
            }
        };
        Path dir = tmp.resolve("own");
        runs.solve(RunSpec.of("my-line", own).with("solver", "recorder").directory(dir), Progress.NONE).close();
        assertThat(recorder.requests.get(0).problem()).isSameAs(own);
        assertThat(runs.record(dir).problem()).isEqualTo("my-line");
        // Reopening by name alone cannot find an unregistered problem; with the instance it can.
        assertThatThrownBy(() -> runs.open(dir)).isInstanceOf(UnknownMethodException.class).hasMessageContaining("my-line");
        runs.open(dir, own).close();
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> runs.solve(RunSpec.of("nope"), Progress.NONE))
                .isInstanceOf(UnknownMethodException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> runs.solve(RunSpec.of("line").with("solver", "gp"), Progress.NONE))
                .isInstanceOf(UnknownMethodException.class).hasMessageContaining("gp");
        Problem timeOnly = new Line() {
            @Override
            public List<String> inputs() {
                return List.of("t");
            }
        };
        assertThatThrownBy(() -> runs.solve(RunSpec.of("t-only", timeOnly).directory(tmp.resolve("t")), Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot solve problem 't-only'");
        assertThatThrownBy(() -> runs.record(tmp)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a run directory");
        assertThatThrownBy(() -> RunSpec.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutADirectoryARunGoesUnderRuns() throws Exception {
        Path d = RunService.directory(RunSpec.of("line"));
        assertThat(d.getParent().toString()).isEqualTo("runs");
        assertThat(d.getFileName().toString()).startsWith("line-");
        assertThat(Files.exists(tmp)).isTrue();
    }

    @Test
    void problemDefaultsForOneModelAreDroppedWhenTheRunPicksAnother() {
        Map<String, Object> defaults = Map.of("model.layers", "20,20", "adam.steps", 100, "sampler", "r3",
                "sampler.every", 10);
        // The defaults mean the mlp (no model named): its layers do not apply to siren.
        assertThat(RunService.effectiveSettings(defaults, Map.of("model", "siren", "model.width", 8)))
                .doesNotContainKey("model.layers").containsEntry("model.width", 8).containsEntry("adam.steps", 100)
                .containsEntry("sampler.every", 10);
        // Naming the default's own method keeps its defaults, as does naming none.
        assertThat(RunService.effectiveSettings(defaults, Map.of("model", "mlp", "sampler", "r3")))
                .containsEntry("model.layers", "20,20").containsEntry("sampler.every", 10);
        assertThat(RunService.effectiveSettings(defaults, Map.of("sampler", "rad")))
                .doesNotContainKey("sampler.every").containsEntry("model.layers", "20,20");
    }
}
