package org.ansatz.operators.internal;

import java.util.List;
import java.util.Map;
import org.ansatz.api.method.Options;

/**
 * The settings of an operator-training run, read once with names in every error.
 *
 * @param model         {@code fno} or {@code deeponet}
 * @param modelOptions  the {@code model.*} settings, passed to the architecture
 * @param train         training functions (the first ones of the dataset)
 * @param test          held-out functions (the last ones)
 * @param epochs        passes over the training functions
 * @param batch         functions per step
 * @param lr            initial learning rate
 * @param lrStep        epochs between learning-rate drops
 * @param lrGamma       factor of each drop
 * @param weightDecay   L2 weight decay (PyTorch's Adam convention)
 * @param sub           training-grid stride (1: train at the dataset's resolution; k: every k-th point,
 *                      evaluated at both resolutions afterwards, "super-resolution")
 * @param normalize     {@code gaussian} (scalar mean and deviation of inputs and outputs, the default) or
 *                      {@code none} (the FNO paper's Burgers code; measured: it trains slower and noisier
 *                      there, whose outputs are 1.6% of the inputs' size)
 * @param dataWeight    weight of the relative L2 data loss
 * @param physicsWeight weight of the equation residual (PINO for fno, PI-DeepONet for deeponet)
 * @param collocation   residual points per function per step (PI-DeepONet)
 * @param checkpointEvery epochs between checkpoints
 * @param evalEvery     epochs between held-out evaluations
 * @param float64       train in double precision
 * @param resume        continue from the run directory's checkpoint
 * @param init          another run directory whose final weights start this run (same architecture;
 *                      e.g. to fine-tune on a finer grid), or null
 */
record TrainSettings(String model, Map<String, Object> modelOptions, int train, int test, int epochs, int batch,
        double lr, int lrStep, double lrGamma, double weightDecay, int sub, String normalize, double dataWeight,
        double physicsWeight, int collocation, int checkpointEvery, int evalEvery, boolean float64, boolean resume,
        String init) {

    static TrainSettings parse(Map<String, ?> settings, int dims) {
        Options o = new Options(settings);
        String model = o.choice("model", "fno", List.of("fno", "deeponet"));
        Map<String, Object> modelOptions = o.section("model");
        int epochs = o.integer("epochs", 100, 1);
        TrainSettings s = new TrainSettings(model, modelOptions,
                o.integer("train", 1000, 1), o.integer("test", 100, 1), epochs, o.integer("batch", 20, 1),
                o.real("lr", 1e-3, 0), o.integer("lr.step", Math.max(1, epochs / 5), 1), o.real("lr.gamma", 0.5, 0, 1),
                o.real("weight-decay", 1e-4, 0), o.integer("sub", 1, 1),
                o.choice("normalize", "gaussian", List.of("gaussian", "none")),
                o.real("data", 1, 0), o.real("physics", 0, 0), o.integer("collocation", 256, 1),
                o.integer("checkpoint.every", 10, 1), o.integer("eval.every", Math.max(1, epochs / 50), 1),
                o.choice("dtype", "float32", List.of("float32", "float64")).equals("float64"),
                o.flag("resume", false), o.string("init", null));
        o.checkAllRead("train-operator");
        if (s.dataWeight == 0 && s.physicsWeight == 0) {
            throw new IllegalArgumentException("data and physics weights are both 0: nothing to train on");
        }
        return s;
    }
}
