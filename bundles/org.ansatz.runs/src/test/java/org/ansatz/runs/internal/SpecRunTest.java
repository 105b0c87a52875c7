package org.ansatz.runs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.ansatz.api.run.RunSpec;
import org.ansatz.api.run.Runs;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.ProgressUpdate;
import org.ansatz.api.solver.Solution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's example spec of a PDE that is not in the library (examples/specs/wave-1d.yaml), run
 * through {@link Runs} with the real pinn solver on a tiny budget: run directory, plots, exports,
 * interruption and resume from the effective spec, listing and comparison.
 */
class SpecRunTest {

    @TempDir
    Path tmp;

    final Fixtures f = new Fixtures();

    RunSpec spec(String dir, String seed) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("model.layers", "8,8");
        o.put("points.domain", "150");
        o.put("points.conditions", "40");
        o.put("adam.steps", "30");
        o.put("lbfgs.iterations", "10");
        o.put("checkpoint.every", "10");
        o.put("progress.every", "5");
        o.put("output.grid", "11,11");
        o.put("output.directory", tmp.resolve(dir).toString());
        o.put("seed", seed);
        return f.runs.read(Fixtures.REPO.resolve("examples/specs/wave-1d.yaml"), o);
    }

    @Test
    void theExampleSpecRunsResumesListsAndCompares() throws Exception {
        RunSpec a = spec("a", "0");
        try (Solution s = f.runs.solve(a, Progress.NONE)) {
            assertThat(s.metrics().get("rel-l2")).isFinite().isPositive();
        }
        Path dirA = tmp.resolve("a");
        for (String file : List.of("run.yaml", "run.properties", "status.json", "history.csv", "metrics.json",
                "model.bin", "loss.png", "solution-u.png", "solution.npz", "solution.vtk", "u.npy", "solution.csv")) {
            assertThat(dirA.resolve(file)).as(file).isRegularFile();
        }
        assertThat(ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(dirA.resolve("loss.png"))))).isNotNull();
        assertThat(f.runs.status(dirA).state()).isEqualTo("finished");
        assertThat(f.runs.read(dirA.resolve("run.yaml"), Map.of()).settings())
                .containsEntry("adam.steps", "30").containsEntry("weight.ic-velocity", "10.0");

        // killed in Adam after the checkpoint at step 20: resumed from run.yaml alone, it ends as run a did
        Path dirC = tmp.resolve("c");
        RunSpec c = spec("c", "0");
        assertThatThrownBy(() -> f.runs.solve(c, new Progress() {
            @Override
            public void report(ProgressUpdate u) {
                if (u.stage().equals("adam") && u.step() == 25) {
                    throw new IllegalStateException("power cut");
                }
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        })).hasMessage("power cut");
        assertThat(f.runs.status(dirC).state()).isEqualTo("failed");
        f.runs.resume(dirC, Progress.NONE).close();
        assertThat(Files.readAllBytes(dirC.resolve("model.bin"))).isEqualTo(Files.readAllBytes(dirA.resolve("model.bin")));
        assertThat(f.runs.status(dirC).parts()).isEqualTo(2);

        f.runs.solve(spec("b", "1"), Progress.NONE).close();
        RunCommands.Comparison cmp = RunCommands.comparison(f.runs, List.of(dirA, tmp.resolve("b"), dirC));
        assertThat(cmp.text()).containsPattern("rel-l2 +\\d\\.\\d{4}e[-+]\\d\\d +\\d\\.\\d{4}e[-+]\\d\\d")
                .containsPattern("seed +0 +1 +0");
        assertThat(cmp.text().lines().filter(l -> l.startsWith("adam.steps"))).isEmpty();
        assertThat(ImageIO.read(new ByteArrayInputStream(cmp.png())).getWidth()).isEqualTo(900);
        List<RunCommands.RunInfo> listed = RunCommands.list(f.runs, tmp);
        assertThat(listed).extracting(i -> i.dir().getFileName().toString()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(listed).allSatisfy(i -> assertThat(i.status().state()).isEqualTo("finished"));
    }
}
