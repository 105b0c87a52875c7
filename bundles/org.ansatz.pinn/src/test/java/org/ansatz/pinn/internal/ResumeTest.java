package org.ansatz.pinn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.SplittableRandom;
import org.ansatz.api.balance.Balance;
import org.ansatz.api.balance.Balancer;
import org.ansatz.api.balance.BalancerFactory;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.optim.Terms;
import org.ansatz.api.run.NumpyFiles;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.ProgressUpdate;
import org.ansatz.api.solver.Solution;
import org.ansatz.api.solver.SolveRequest;
import org.ansatz.problems.internal.Convection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run interrupted after a checkpoint and resumed ends with the same parameters, to the last bit, as
 * the same run uninterrupted: for Adam (moments), L-BFGS (curvature pairs, last point), a loss
 * balancer and an adaptive sampler, interrupted in either stage.
 */
class ResumeTest {

    @TempDir
    Path tmp;

    /** Throws from the progress sink once a stage has passed a step: a crash after a checkpoint. */
    static final class Crash extends RuntimeException {
        Crash() {
            super("simulated crash");
        }
    }

    static Progress crashAfter(String stage, long step) {
        return new Progress() {
            @Override
            public void report(ProgressUpdate u) {
                if (u.stage().equals(stage) && u.step() > step) {
                    throw new Crash();
                }
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }

    static Map<String, Object> settings(Map<String, Object> extra) {
        Map<String, Object> s = new LinkedHashMap<>(new Convection().defaults());
        s.put("model.layers", "8,8");
        s.put("points.domain", 200);
        s.put("points.conditions", 50);
        s.put("adam.steps", 40);
        s.put("lbfgs.iterations", 30);
        s.put("progress.every", 5);
        s.put("checkpoint.every", 10);
        s.putAll(extra);
        return s;
    }

    private byte[] uninterrupted(Map<String, Object> s, String name) throws Exception {
        Path dir = tmp.resolve(name + "-whole");
        try (Solution ignored = PinnSolverTest.solver().solve(new SolveRequest(new Convection(), s, 3, dir),
                Progress.NONE)) {
            return Files.readAllBytes(dir.resolve("model.bin"));
        }
    }

    private byte[] interruptedAndResumed(Map<String, Object> s, String name, String stage, long after)
            throws Exception {
        Path dir = tmp.resolve(name + "-resumed");
        SolveRequest request = new SolveRequest(new Convection(), s, 3, dir);
        assertThatThrownBy(() -> PinnSolverTest.solver().solve(request, crashAfter(stage, after)))
                .isInstanceOf(Crash.class);
        assertThat(dir.resolve("model.bin")).doesNotExist();
        try (Solution ignored = PinnSolverTest.solver().resume(request, Progress.NONE)) {
            return Files.readAllBytes(dir.resolve("model.bin"));
        }
    }

    @Test
    void adamThenLbfgsInterruptedInEitherStageEndsBitForBitLikeTheWholeRun() throws Exception {
        Map<String, Object> s = settings(Map.of());
        byte[] whole = uninterrupted(s, "plain");
        assertThat(interruptedAndResumed(s, "in-lbfgs", "lbfgs", 15)).isEqualTo(whole);

        // interrupted in Adam: the checkpoint files are checked before resuming
        Path dir = tmp.resolve("in-adam");
        SolveRequest request = new SolveRequest(new Convection(), s, 3, dir);
        assertThatThrownBy(() -> PinnSolverTest.solver().solve(request, crashAfter("adam", 25)))
                .isInstanceOf(Crash.class);
        assertThat(Files.readString(dir.resolve("checkpoint.json"))).contains("\"format\" : \"ansatz-checkpoint/2\"")
                .contains("\"step\" : 20").contains("\"resumable\" : true");
        Map<String, NumpyFiles.Array> arrays = NumpyFiles.readNpz(dir.resolve("checkpoint-adam-20.npz"));
        assertThat(arrays).containsKeys("parameters", "good", "loss_weights", "domain_points", "optimizer.m",
                "optimizer.v");
        assertThat(arrays.get("domain_points").shape()).containsExactly(200, 2);
        try (var list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("checkpoint-")))
                    .containsExactly("checkpoint-adam-20.npz");
        }
        try (Solution ignored = PinnSolverTest.solver().resume(request, Progress.NONE)) {
            assertThat(Files.readAllBytes(dir.resolve("model.bin"))).isEqualTo(whole);
            String history = Files.readString(dir.resolve("history.csv"));
            // every progress row once: none repeated or lost across the interruption
            assertThat(history.lines().filter(l -> l.startsWith("adam,")).map(l -> l.split(",")[1]))
                    .containsExactly("5", "10", "15", "20", "25", "30", "35", "40");
        }
    }

    @Test
    void balancerAndAdaptiveSamplerStateSurvivesTheInterruption() throws Exception {
        Map<String, Object> s = settings(Map.of("balance", "config", "sampler", "r3",
                "sampler.every", 7, "optimizer", "multiadam"));
        byte[] whole = uninterrupted(s, "strategies");
        assertThat(interruptedAndResumed(s, "strategies", "adam", 22)).isEqualTo(whole);
    }

    @Test
    void seededBalancersResumeBitForBit() throws Exception {
        // relobralo draws its lookbacks and ntk its trace probes at random: both from (seed, counter)
        for (String balancer : new String[] {"relobralo", "ntk"}) {
            Map<String, Object> s = settings(Map.of("balance", balancer, "balance.seed", 5));
            if (balancer.equals("ntk")) {
                s.put("balance.every", 6);
            }
            byte[] whole = uninterrupted(s, balancer);
            assertThat(interruptedAndResumed(s, balancer, "adam", 22)).as(balancer).isEqualTo(whole);
        }
    }

    @Test
    void aRunWithoutCheckpointOrWithChangedSettingsIsRefusedWithTheReason() throws Exception {
        Map<String, Object> s = settings(Map.of());
        Path dir = tmp.resolve("refused");
        Files.createDirectories(dir);
        assertThatThrownBy(() -> PinnSolverTest.solver().resume(new SolveRequest(new Convection(), s, 3, dir),
                Progress.NONE)).hasMessageContaining("no checkpoint to resume from");
        SolveRequest request = new SolveRequest(new Convection(), s, 3, dir);
        assertThatThrownBy(() -> PinnSolverTest.solver().solve(request, crashAfter("adam", 12)))
                .isInstanceOf(Crash.class);
        Map<String, Object> changed = new LinkedHashMap<>(s);
        changed.put("model.layers", "8,8,8");
        assertThatThrownBy(() -> PinnSolverTest.solver().resume(new SolveRequest(new Convection(), changed, 3, dir),
                Progress.NONE)).hasMessageContaining("parameters").hasMessageContaining("were the settings changed");
    }

    /** A third-party balancer whose state is a JDK generator: not saveable field by field. */
    static final class UnsaveableBalancer implements BalancerFactory {
        @Override
        public Balancer create(List<String> terms, double[] initial, Map<String, Object> options) {
            SplittableRandom random = new SplittableRandom(1);
            return new Balancer() {
                final SplittableRandom state = random;

                @Override
                public Balance balance(long step, Terms t) {
                    double[] w = new double[terms.size()];
                    java.util.Arrays.fill(w, 1 + 1e-3 * state.nextDouble());
                    return Balance.weights(w);
                }
            };
        }
    }

    @Test
    void aPluginStateThatCannotBeSavedMakesTheCheckpointNotResumableWithTheFieldNamed() throws Exception {
        Map<String, Object> s = settings(Map.of("balance", "unsaveable"));
        Path dir = tmp.resolve("unsaveable");
        SolveRequest request = new SolveRequest(new Convection(), s, 3, dir);
        PinnSolver solver = PinnSolverTest.solver(r -> PinnSolverTest.add(r, MethodKind.BALANCER, "unsaveable",
                new UnsaveableBalancer()));
        assertThatThrownBy(() -> solver.solve(request, crashAfter("adam", 12))).isInstanceOf(Crash.class);
        assertThatThrownBy(() -> solver.resume(request, Progress.NONE))
                .hasMessageContaining("cannot be resumed exactly").hasMessageContaining("SplittableRandom");
    }
}
