package org.ansatz.operators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ansatz.api.solver.Progress;
import org.ansatz.datasets.FunctionDataset;
import org.ansatz.datasets.internal.DatasetComponents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FNO, DeepONet, PI-DeepONet and PINO learn small operators; runs reopen; bad input is named. */
class OperatorLearningTest {

    @TempDir
    Path dir;

    static Map<String, Object> settings(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static OperatorTrainer trainer() {
        return new OperatorTrainer(NDManager::newBaseManager);
    }

    @Test
    void fnoLearnsAdvectionAndReopensForPrediction() {
        FunctionDataset data = new DatasetComponents.AdvectionDatasets().open(Map.of("n", "60", "resolution", "64",
                "kmax", "3"));
        Map<String, Double> m = trainer().train(data, "advection", Map.of("n", "60", "resolution", "64", "kmax", "3"),
                settings("train", "50", "test", "10", "epochs", "40", "batch", "10", "lr", "5e-3",
                        "model.width", "16", "model.modes", "8", "model.layers", "2", "model.projection", "32"),
                1, dir, Progress.NONE);
        assertThat(m.get("test-rel-l2")).isLessThan(0.05);
        assertThat(dir.resolve("model.npz")).exists();
        assertThat(dir.resolve("checkpoint.npz")).exists();
        assertThat(dir.resolve("prediction.png")).exists();
        assertThat(m).containsKeys("predict-ms-per-function", "solver-ms-per-function", "speedup-batched");
        // The reopened run predicts what training measured.
        try (NDManager mgr = NDManager.newBaseManager(); TrainedOperator op = TrainedOperator.open(dir, mgr)) {
            double[] a = new double[10 * 64];
            double[] u = new double[10 * 64];
            for (int i = 0; i < 10; i++) {
                System.arraycopy(data.sample("a", 50 + i), 0, a, i * 64, 64);
                System.arraycopy(data.sample("u", 50 + i), 0, u, i * 64, 64);
            }
            double[] p = op.predict(a, 10, new int[] {64}, 4);
            double sum = 0;
            for (int i = 0; i < 10; i++) {
                double num = 0, den = 0;
                for (int j = i * 64; j < (i + 1) * 64; j++) {
                    num += (p[j] - u[j]) * (p[j] - u[j]);
                    den += u[j] * u[j];
                }
                sum += Math.sqrt(num / den);
            }
            assertThat(sum / 10).isCloseTo(m.get("test-rel-l2"), org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void fnoTrainedOnACoarseGridPredictsOnTheFineOne() {
        // Advection is a Fourier multiplier: what FNO learns on 32 points holds on 64 (zero-shot
        // super-resolution), provided the kept modes carry the functions.
        FunctionDataset data = new DatasetComponents.AdvectionDatasets().open(Map.of("n", "60", "resolution", "64",
                "kmax", "3"));
        Map<String, Double> m = trainer().train(data, "advection", Map.of(), settings("train", "50", "test", "10",
                "epochs", "40", "batch", "10", "lr", "5e-3", "sub", "2", "model.width", "16", "model.modes", "8",
                "model.layers", "2", "model.projection", "32"), 1, dir, Progress.NONE);
        assertThat(m.get("test-rel-l2")).isLessThan(0.05);
        assertThat(m.get("test-rel-l2@64")).isLessThan(0.1);
    }

    @Test
    void deepOnetLearnsTheAntiderivativeFromData() {
        TestData data = TestData.antiderivative(120, 32, 3);
        // Full-batch Adam at a constant rate: DeepONets need many steps, and these are the cheapest.
        Map<String, Double> m = trainer().train(data, "test", Map.of(), settings("model", "deeponet", "train", "100",
                "test", "20", "epochs", "600", "batch", "100", "lr", "3e-3", "lr.gamma", "1", "weight-decay", "0",
                "eval.every", "300", "model.branch", "64", "model.trunk", "64", "model.latent", "32"), 2, dir,
                Progress.NONE);
        assertThat(m.get("test-rel-l2")).isLessThan(0.08);
    }

    @Test
    void physicsInformedDeepOnetLearnsTheAntiderivativeWithoutOutputData() {
        TestData data = TestData.antiderivative(120, 32, 4);
        Map<String, Double> m = trainer().train(data, "test", Map.of(), settings("model", "deeponet", "train", "100",
                "test", "20", "epochs", "600", "batch", "100", "lr", "3e-3", "lr.gamma", "1", "weight-decay", "0",
                "data", "0", "physics", "1", "collocation", "64", "eval.every", "300", "model.branch", "64",
                "model.trunk", "64", "model.latent", "32"), 2, dir, Progress.NONE);
        assertThat(m.get("test-rel-l2")).isLessThan(0.15);
    }

    @Test
    void darcyResidualVanishesOnTheReferenceSolution() {
        FunctionDataset data = new DatasetComponents.DarcyDatasets().open(Map.of("n", "2", "resolution", "17"));
        TrainSettings s = TrainSettings.parse(Map.of("model", "fno", "physics", "1"), 2);
        OperatorTrainer.Physics physics = OperatorTrainer.Physics.of(s, "darcy", 2, data.parameters());
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> b = data.batch(m, new long[] {0, 1});
            double r = OperatorTrainer.value(physics.darcy(b.get("u"), b.get("a"), new int[] {17, 17}));
            assertThat(r).isLessThan(1e-20);
            double perturbed = OperatorTrainer.value(physics.darcy(b.get("u").mul(1.01), b.get("a"), new int[] {17, 17}));
            assertThat(perturbed).isGreaterThan(1e-5);
        }
    }

    @Test
    void pinoTrainsOnTheResidualAlone() {
        FunctionDataset data = new DatasetComponents.DarcyDatasets().open(Map.of("n", "24", "resolution", "17"));
        Map<String, Double> m = trainer().train(data, "darcy", Map.of(), settings("train", "20", "test", "4",
                "epochs", "150", "batch", "20", "lr", "5e-3", "lr.gamma", "1", "data", "0", "physics", "1",
                "eval.every", "50", "model.width", "12", "model.modes", "4", "model.layers", "2",
                "model.projection", "32"), 5, dir, Progress.NONE);
        // Without a single output function the residual alone moves the untrained operator (error ~1)
        // towards the solution; it converges slowly (the finite-difference residual is stiff, its
        // condition number grows like 1/h^2), so 150 steps only get part of the way.
        assertThat(m.get("test-rel-l2")).isLessThan(0.8);
    }

    @Test
    void aResumedRunEndsWhereAnUninterruptedOneDoes() throws Exception {
        FunctionDataset data = new DatasetComponents.AdvectionDatasets().open(Map.of("n", "24", "resolution", "32",
                "kmax", "3"));
        Map<String, Object> base = settings("train", "20", "test", "4", "batch", "5", "checkpoint.every", "1",
                "model.width", "8", "model.modes", "6", "model.layers", "2", "model.projection", "16");
        Path straight = dir.resolve("straight");
        Path resumed = dir.resolve("resumed");
        Map<String, Object> four = new LinkedHashMap<>(base);
        four.put("epochs", "4");
        four.put("lr.step", "2");
        trainer().train(data, "advection", Map.of(), four, 3, straight, Progress.NONE);
        // The first part stops after two epochs (a cancel), the second continues from its checkpoint.
        Progress stopAfterTwo = new Progress() {
            @Override
            public void report(org.ansatz.api.solver.ProgressUpdate u) {
            }

            @Override
            public boolean cancelled() {
                try {
                    return Files.exists(resumed.resolve("checkpoint.npz"))
                            && Files.readAllLines(resumed.resolve("history.csv")).size() >= 2;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        Map<String, Double> first = trainer().train(data, "advection", Map.of(), four, 3, resumed, stopAfterTwo);
        assertThat(first.get("epochs")).isLessThan(4);
        Map<String, Object> again = new LinkedHashMap<>(four);
        again.put("resume", "true");
        Map<String, Double> second = trainer().train(data, "advection", Map.of(), again, 3, resumed, Progress.NONE);
        assertThat(second.get("epochs")).isEqualTo(4.0);
        double[] a = org.ansatz.api.run.NumpyFiles.readNpz(straight.resolve("model.npz")).get("params").doubles();
        double[] b = org.ansatz.api.run.NumpyFiles.readNpz(resumed.resolve("model.npz")).get("params").doubles();
        assertThat(b).containsExactly(a);
        assertThat(Files.readAllLines(resumed.resolve("history.csv"))).hasSize(5);
    }

    @Test
    void badInputIsNamed() throws Exception {
        FunctionDataset data = new DatasetComponents.AdvectionDatasets().open(Map.of("n", "12", "resolution", "32"));
        OperatorTrainer t = trainer();
        assertThatThrownBy(() -> t.train(data, "advection", Map.of(), settings("train", "10", "test", "2",
                "model.dims", "2"), 1, dir, Progress.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shape mismatch").hasMessageContaining("model.dims=2");
        assertThatThrownBy(() -> t.train(data, "advection", Map.of(), settings("train", "10", "test", "2",
                "model", "deeponet", "model.sensors", "16"), 1, dir, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shape mismatch")
                .hasMessageContaining("sensors");
        assertThatThrownBy(() -> t.train(data, "advection", Map.of(), settings("train", "20", "test", "2"), 1, dir,
                Progress.NONE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12 functions");
        assertThatThrownBy(() -> t.train(data, "advection", Map.of(), settings("train", "10", "test", "2",
                "lr.stepp", "3"), 1, dir, Progress.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lr.stepp");
        assertThatThrownBy(() -> t.train(data, "advection", Map.of(), settings("train", "10", "test", "2",
                "epochs", "many"), 1, dir, Progress.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epochs");
        assertThatThrownBy(() -> t.train(data, "advection", Map.of(), settings("train", "10", "test", "2",
                "physics", "1"), 1, dir, Progress.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("darcy");
        assertThatThrownBy(() -> t.train(data, "advection", Map.of(), settings("train", "10", "test", "2",
                "sub", "3"), 1, dir, Progress.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sub=3");
        assertThatThrownBy(() -> t.train(data, "advection", Map.of(), settings("train", "10", "test", "2",
                "init", dir.resolve("nowhere").toString()), 1, dir, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no model.npz");
        assertThatThrownBy(() -> t.train(data, "advection", Map.of(), settings("train", "10", "test", "2",
                "resume", "true"), 1, dir.resolve("fresh"), Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no checkpoint");
        OperatorCli cli = OperatorBenchmark.cli();
        assertThatThrownBy(() -> cli.train(OperatorCli.parseTrain("--dataset", "navier-stokes"), Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("navier-stokes");
        assertThatThrownBy(() -> OperatorCli.parseTrain("--dataset", "burgers", "--epochs"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--epochs needs a value");
        assertThatThrownBy(() -> OperatorCli.parseTrain("--dataset", "burgers", "--set", "lr"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key=value");
        assertThatThrownBy(() -> cli.predict("--run", dir.resolve("none").toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no operator run");
        assertThat(Files.exists(dir.resolve("model.npz"))).isFalse();
    }
}
