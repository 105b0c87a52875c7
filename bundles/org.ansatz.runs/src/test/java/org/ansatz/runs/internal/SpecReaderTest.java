package org.ansatz.runs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.run.RunSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML and JSON specs become the settings, seed, directory and inline problem of a run; errors name the path. */
class SpecReaderTest {

    @TempDir
    Path tmp;

    final Fixtures f = new Fixtures();

    Path write(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    RunSpec read(String yaml, String... overrides) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (String s : overrides) {
            o.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        }
        return f.reader.read(write("spec.yaml", yaml), o);
    }

    static final String WAVE = """
            problem:
              name: wave
              inputs: [t, x]
              outputs: [u]
              constants: {c: 2.0}
              domain: {t: [0, 1], x: [-1, 1]}
              equation: u_tt - c^2*u_xx
              conditions:
                - {name: ic, type: initial, expression: u - sin(pi*x)}
                - {name: ic-velocity, type: initial, expression: u_t}
                - {name: bc, type: boundary, expression: u}
              hard: {initial: sin(pi*x), boundary: true}
              exact: sin(pi*x)*cos(c*pi*t)
            model: {name: mlp, layers: [16, 16], activation: tanh}
            points: {domain: 500}
            weight: {ic: 10}
            adam: {steps: 100, lr: 1e-3}
            seed: 4
            output: {directory: runs/w, grid: [11, 21], exports: [npz, vtk]}
            """;

    @Test
    void aYamlSpecBecomesFlatSettingsSeedDirectoryAndAnInlineProblem() throws Exception {
        RunSpec s = read(WAVE);
        assertThat(s.problemName()).isEqualTo("wave");
        assertThat(s.seed()).isEqualTo(4);
        assertThat(s.directory()).isEqualTo(Path.of("runs/w"));
        assertThat(s.settings()).containsExactly(Map.entry("model", "mlp"), Map.entry("model.layers", "16,16"),
                Map.entry("model.activation", "tanh"), Map.entry("points.domain", "500"),
                Map.entry("weight.ic", "10.0"), Map.entry("adam.steps", "100"), Map.entry("adam.lr", "0.001"),
                Map.entry("output.grid", "11,21"), Map.entry("output.exports", "npz,vtk"));
        PdeProblem p = (PdeProblem) s.problem();
        assertThat(p.inputs()).containsExactly("t", "x");
        assertThat(p.derivatives()).containsExactly(org.ansatz.api.derivative.MultiIndex.parse("tt", p.inputs()),
                org.ansatz.api.derivative.MultiIndex.parse("xx", p.inputs()));
        assertThat(p.domain().lower()).containsExactly(0, -1);
        // with exact constraints the initial values and the boundary go into the transform; velocities stay
        assertThat(p.conditions(true)).extracting(c -> c.name()).containsExactly("ic-velocity");
        assertThat(p.conditions(false)).extracting(c -> c.name()).containsExactly("ic", "ic-velocity", "bc");
        assertThat(p.hardConstraints()).isPresent();
        PointSet at = new PointSet(List.of("t", "x"), new double[] {0.25, 0.5, 0.5, 0.1});
        double[] u = p.reference().orElseThrow().evaluate(at).values();
        assertThat(u[0]).isCloseTo(Math.sin(Math.PI * 0.5) * Math.cos(2 * Math.PI * 0.25), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(u[1]).isCloseTo(Math.sin(Math.PI * 0.1) * Math.cos(2 * Math.PI * 0.5), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void jsonGivesTheSameSpecAndOverridesWinOverTheFile() throws Exception {
        Path json = write("spec.json", """
                {"problem": "heat", "model": {"name": "mlp", "layers": [8, 8]}, "adam": {"steps": 10},
                 "seed": 2, "output": {"plots": false}}
                """);
        RunSpec s = f.reader.read(json, Map.of("model.layers", "32,32,32", "adam.lr", "0.01", "seed", "9",
                "lbfgs.iterations", "5"));
        assertThat(s.problem()).isNull();
        assertThat(s.problemName()).isEqualTo("heat");
        assertThat(s.seed()).isEqualTo(9);
        assertThat(s.settings()).containsEntry("model.layers", "32,32,32").containsEntry("adam.lr", "0.01")
                .containsEntry("adam.steps", "10").containsEntry("lbfgs.iterations", "5")
                .containsEntry("output.plots", "false");
        // a method named in text takes options given with --set; a map takes a new name
        RunSpec named = read("problem: heat\nmodel: mlp\n", "model.layers=4,4");
        assertThat(named.settings()).containsEntry("model", "mlp").containsEntry("model.layers", "4,4");
        RunSpec constant = read(WAVE, "problem.constants.c=3");
        PointSet at = new PointSet(List.of("t", "x"), new double[] {0.25, 0.5});
        assertThat(constant.problem().reference().orElseThrow().evaluate(at).values()[0])
                .isCloseTo(Math.cos(3 * Math.PI * 0.25), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void wrongTypesAndUnknownKeysAreErrorsWithTheirPath() throws Exception {
        assertThatThrownBy(() -> read("problem: heat\nmodel: {name: mlp, layers: [20, 20, x]}\n"))
                .hasMessageEndingWith("spec.yaml: model.layers[2]: expected an integer, got \"x\"");
        assertThatThrownBy(() -> read("problem: heat\nadam: {steps: many}\n"))
                .hasMessageContaining("adam.steps: expected an integer, got \"many\"");
        assertThat(read("problem: heat\nlbfgs: {resample: true}\nrestart: {above: 1e-3, max: 3}\n").settings())
                .containsEntry("lbfgs.resample", "true").containsEntry("restart.above", "0.001")
                .containsEntry("restart.max", "3");
        assertThatThrownBy(() -> read("problem: heat\nrestart: {above: high}\n"))
                .hasMessageContaining("restart.above: expected a number, got \"high\"");
        assertThatThrownBy(() -> read("problem: heat\nadam: {stepz: 3}\n"))
                .hasMessageContaining("adam.stepz: unknown key; known here:").hasMessageContaining("steps");
        assertThatThrownBy(() -> read("problem: heat\noptimiser: adam\n"))
                .hasMessageContaining("optimiser: unknown key");
        assertThatThrownBy(() -> read("problem: heat\ndtype: float16\n"))
                .hasMessageContaining("dtype: expected one of float32, float64");
        assertThatThrownBy(() -> read("problem: heat\nmodel: {name: mpl}\n"))
                .hasMessageContaining("model.name: no model named 'mpl' is registered; known: [mlp]");
        assertThatThrownBy(() -> read("problem: heet\n"))
                .hasMessageContaining("problem: no problem named 'heet' is registered; known: [")
                .hasMessageContaining("heat");
        assertThatThrownBy(() -> read(WAVE.replace("u_tt - c^2*u_xx", "u_tt - k*u_xx")))
                .hasMessageContaining("problem.equation: ").hasMessageContaining("k");
        assertThatThrownBy(() -> read(WAVE.replace("x: [-1, 1]", "x: [1, -1]")))
                .hasMessageContaining("problem.domain.x: expected finite lower < upper");
        assertThatThrownBy(() -> read(WAVE.replace("type: boundary", "type: boundry")))
                .hasMessageContaining("problem.conditions[2].type: expected one of initial, boundary, periodic");
        assertThatThrownBy(() -> read("problem: heat\nadam: {steps: 1\n"))
                .hasMessageContaining("spec.yaml: line ");
        assertThatThrownBy(() -> read("problem: heat\nseed: 1\nseed: 2\n"))
                .hasMessageContaining("Duplicate field 'seed'");
        assertThatThrownBy(() -> read(WAVE, "model.layers=8,eight"))
                .hasMessageContaining("model.layers[1]: expected an integer, got \"eight\"");
    }

    @Test
    void theEffectiveSpecReadsBackToTheSameRun() throws Exception {
        Path obs = write("obs.csv", "t,x,u\n0.1,0.2,0.3\n0.4,0.5,0.6\n");
        String inverse = WAVE.replace("constants: {c: 2.0}", "unknowns: {c: 1.5}").replace("cos(c*pi*t)", "cos(2*pi*t)")
                .replace("- {name: bc, type: boundary, expression: u}",
                        "- {name: bc, type: boundary, expression: u}\n    - {name: data, type: observations, file: obs.csv}");
        RunSpec s = read(inverse, "adam.steps=7");
        assertThat(((PdeProblem) s.problem()).unknowns()).containsEntry("c", 1.5);
        Path dir = tmp.resolve("run");
        Map<String, Object> effective = new LinkedHashMap<>(s.settings());
        f.reader.write(s, effective, dir);
        String text = Files.readString(dir.resolve("run.yaml"));
        assertThat(text).contains("adam:").contains("steps: 7").contains(obs.toAbsolutePath().toString());
        RunSpec again = f.reader.read(dir.resolve("run.yaml"), Map.of());
        assertThat(again.settings()).isEqualTo(s.settings());
        assertThat(again.seed()).isEqualTo(s.seed());
        assertThat(again.problemName()).isEqualTo("wave");
        assertThat(((PdeProblem) again.problem()).conditions(false)).extracting(c -> c.name())
                .containsExactly("ic", "ic-velocity", "bc", "data");
    }

    @Test
    void theExampleSpecsOfTheRepositoryAreValid() throws Exception {
        for (String name : List.of("wave-1d.yaml", "poisson-2d.yaml", "heat-inverse.yaml", "burgers-float64.json")) {
            RunSpec s = f.reader.read(Fixtures.REPO.resolve("examples/specs").resolve(name), Map.of());
            assertThat(s.settings()).as(name).containsKey("adam.steps");
        }
    }
}
