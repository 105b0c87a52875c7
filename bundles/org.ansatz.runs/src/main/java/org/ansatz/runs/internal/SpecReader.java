package org.ansatz.runs.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ansatz.api.engine.TensorEngine;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.api.run.AtomicFiles;
import org.ansatz.api.run.RunSpec;
import org.ansatz.api.run.RunSpecReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Run spec files in YAML or JSON. The file's structure mirrors the settings' dotted keys
 * ({@code adam: {steps: 500}} is {@code adam.steps=500}; {@code model: {name: mlp, layers: [32, 32]}}
 * is {@code model=mlp, model.layers=32,32}); {@code problem} names a registered problem or defines a
 * PDE inline, {@code seed} and {@code output.directory} are the run's seed and directory. Known keys
 * are type-checked with their path, method names are checked against the registry, and unknown keys
 * of the pinn solver are reported before any work.
 */
@Component(service = RunSpecReader.class)
public class SpecReader implements RunSpecReader {

    /** Types of the settings whose meaning the runs bundle knows (the pinn solver's and the outputs'). */
    enum Type { INTEGER, NUMBER, INTEGERS, NUMBERS, BOOLEAN, TEXT, TEXTS }

    static final Map<String, Type> TYPES = new LinkedHashMap<>();
    static final Map<String, List<String>> CHOICES = Map.of(
            "dtype", List.of("float32", "float64", "mixed", "f32", "f64", "double"),
            "constraints", List.of("hard", "soft"),
            "adam.schedule", List.of("constant", "exponential", "cosine"));
    /** The sections the pinn solver reads, with the keys each takes; null: options of a plug-in. */
    static final Map<String, Set<String>> PINN_SECTIONS = new LinkedHashMap<>();

    static {
        for (String k : List.of("points.domain", "points.conditions", "points.refine", "points.candidates",
                "adam.steps", "adam.decay_steps", "lbfgs.iterations", "lbfgs.history", "checkpoint.every",
                "progress.every", "causal.bins", "restart.max", "model.width", "model.depth", "model.harmonics", "seed")) {
            TYPES.put(k, Type.INTEGER);
        }
        for (String k : List.of("adam.lr", "adam.decay", "stop.loss", "stop.error", "causal.tolerance",
                "restart.above")) {
            TYPES.put(k, Type.NUMBER);
        }
        TYPES.put("model.layers", Type.INTEGERS);
        TYPES.put("causal.epsilon", Type.NUMBERS);
        TYPES.put("output.plots", Type.BOOLEAN);
        TYPES.put("progress.error", Type.BOOLEAN);
        TYPES.put("lbfgs.resample", Type.BOOLEAN);
        TYPES.put("fused", Type.BOOLEAN);
        TYPES.put("output.exports", Type.TEXTS);
        TYPES.put("output.grid", Type.INTEGERS);
        PINN_SECTIONS.put("solver", Set.of());
        PINN_SECTIONS.put("model", null);
        PINN_SECTIONS.put("optimizer", null);
        PINN_SECTIONS.put("balance", null);
        PINN_SECTIONS.put("sampler", null);
        PINN_SECTIONS.put("weight", null);
        PINN_SECTIONS.put("dtype", Set.of());
        PINN_SECTIONS.put("constraints", Set.of());
        PINN_SECTIONS.put("points", Set.of("domain", "conditions", "refine", "candidates"));
        PINN_SECTIONS.put("adam", Set.of("steps", "lr", "schedule", "decay", "decay_steps"));
        PINN_SECTIONS.put("lbfgs", Set.of("iterations", "history", "resample"));
        PINN_SECTIONS.put("checkpoint", Set.of("every"));
        PINN_SECTIONS.put("progress", Set.of("every", "error"));
        PINN_SECTIONS.put("stop", Set.of("loss", "error"));
        PINN_SECTIONS.put("causal", Set.of("epsilon", "bins", "tolerance"));
        PINN_SECTIONS.put("restart", Set.of("above", "max"));
    }

    /** Keys of a spec that are not solver settings. */
    static final Set<String> RUN_KEYS = Set.of("problem", "seed", "output", "description");
    static final Set<String> OUTPUT_KEYS = Set.of("directory", "plots", "exports", "grid");
    static final Map<String, MethodKind> METHOD_SECTIONS = Map.of("model", MethodKind.MODEL, "optimizer",
            MethodKind.OPTIMIZER, "balance", MethodKind.BALANCER, "sampler", MethodKind.SAMPLER, "solver",
            MethodKind.SOLVER);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).enable(SerializationFeature.INDENT_OUTPUT);

    private final TensorEngine engine;
    private final MethodRegistry registry;

    @Activate
    public SpecReader(@Reference TensorEngine engine, @Reference MethodRegistry registry) {
        this.engine = engine;
        this.registry = registry;
    }

    @Override
    public RunSpec read(Path file, Map<String, String> overrides) {
        String name = file.toString();
        JsonNode root;
        try {
            String text = Files.readString(file);
            root = (isJson(file) ? JSON : YAML).readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": ";
            throw new IllegalArgumentException(name + ": " + where + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read run spec " + name + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(name + ": a run spec is a map (problem:, model:, adam:, ...), got "
                    + SpecNode.describe(root));
        }
        ObjectNode tree = (ObjectNode) root;
        overrides.forEach((k, v) -> override(tree, k, v, name));
        return spec(new SpecNode(name, "", tree), file.toAbsolutePath().getParent());
    }

    private static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** Sets {@code a.b.c} in the tree; a method name given as text becomes {@code {name: ...}} when needed. */
    static void override(ObjectNode tree, String key, String value, String file) {
        if (key.isBlank() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
            throw new IllegalArgumentException("--set " + key + "=" + value + ": malformed key");
        }
        String[] parts = key.split("\\.");
        ObjectNode at = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = at.get(parts[i]);
            if (next == null || next.isNull()) {
                at = at.putObject(parts[i]);
            } else if (next.isObject()) {
                at = (ObjectNode) next;
            } else if (next.isValueNode()) {
                ObjectNode named = at.putObject(parts[i]);
                named.set("name", next);
                at = named;
            } else {
                throw new IllegalArgumentException(file + ": --set " + key + ": " + String.join(".",
                        java.util.Arrays.copyOf(parts, i + 1)) + " is a list, not a map");
            }
        }
        String last = parts[parts.length - 1];
        JsonNode existing = at.get(last);
        if (existing != null && existing.isObject() && !key.startsWith("problem.")) {
            ((ObjectNode) existing).put("name", value);
        } else {
            at.set(last, TextNode.valueOf(value));
        }
    }

    private RunSpec spec(SpecNode root, Path baseDir) {
        String solver = root.optional("solver").map(s -> s.has("name") ? s.get("name").text()
                : s.text()).orElse(null);
        if (solver == null || solver.equals("pinn")) {
            Iterator<String> keys = root.json().fieldNames();
            while (keys.hasNext()) {
                String k = keys.next();
                if (!RUN_KEYS.contains(k) && !PINN_SECTIONS.containsKey(k)) {
                    throw root.get(k).error("unknown key; a run spec has " + String.join(", ", RUN_KEYS) + ", "
                            + String.join(", ", PINN_SECTIONS.keySet()));
                }
                Set<String> sub = PINN_SECTIONS.get(k);
                if (sub != null && !sub.isEmpty()) {
                    root.get(k).onlyKeys(sub.stream().sorted().toArray(String[]::new));
                }
            }
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.json().fields();
        while (fields.hasNext()) {
            String k = fields.next().getKey();
            if (!RUN_KEYS.contains(k)) {
                flatten(root.get(k), k, settings);
            }
        }
        Path directory = null;
        if (root.has("output")) {
            SpecNode out = root.get("output");
            out.onlyKeys(OUTPUT_KEYS.stream().sorted().toArray(String[]::new));
            Iterator<String> keys = out.json().fieldNames();
            while (keys.hasNext()) {
                String k = keys.next();
                if (k.equals("directory")) {
                    directory = Paths.get(out.get(k).text());
                } else {
                    flatten(out.get(k), "output." + k, settings);
                }
            }
        }
        long seed = root.optional("seed").map(SpecNode::integer).orElse(0L);
        for (Map.Entry<String, MethodKind> m : METHOD_SECTIONS.entrySet()) {
            Object chosen = settings.get(m.getKey());
            if (chosen != null && registry.find(m.getValue(), chosen.toString()).isEmpty()) {
                SpecNode where = root.get(m.getKey());
                where = where.has("name") ? where.get("name") : where;
                List<String> known = registry.methods(m.getValue()).stream().map(d -> d.name()).toList();
                throw where.error("no " + m.getValue().name().toLowerCase(Locale.ROOT) + " named '" + chosen
                        + "' is registered; known: " + known + " (a plug-in can be dropped into plugins/)");
            }
        }
        SpecNode p = root.get("problem");
        RunSpec spec;
        if (p.isText() || (p.json().isObject() && p.json().size() == 1 && p.has("name"))) {
            String problem = p.isText() ? p.text() : p.get("name").text();
            if (registry.find(MethodKind.PROBLEM, problem).isEmpty()) {
                List<String> known = registry.methods(MethodKind.PROBLEM).stream().map(d -> d.name()).toList();
                throw p.error("no problem named '" + problem + "' is registered; known: " + known
                        + " (or define the PDE here: inputs, outputs, domain, equations, conditions)");
            }
            spec = RunSpec.of(problem);
        } else {
            p.onlyKeys("name", "description", "inputs", "outputs", "constants", "unknowns", "domain", "equation",
                    "equations", "conditions", "hard", "exact");
            SpecProblem problem = new SpecProblem(p, baseDir, engine);
            spec = RunSpec.of(problem.name(), problem);
        }
        return spec.with(settings).seed(seed).directory(directory);
    }

    /** Dotted keys from the tree, type-checked where the key is known. */
    static void flatten(SpecNode n, String key, Map<String, Object> out) {
        Type type = TYPES.get(key);
        if (type == null && key.startsWith("weight.")) {
            type = Type.NUMBER;
        }
        JsonNode j = n.json();
        if (j.isObject() && type == null) {
            Iterator<String> it = j.fieldNames();
            while (it.hasNext()) {
                String f = it.next();
                if (f.equals("name")) {
                    out.put(key, n.get(f).text());
                } else {
                    flatten(n.get(f), key + "." + f, out);
                }
            }
            return;
        }
        if (j.isNull()) {
            throw n.error("no value");
        }
        out.put(key, value(n, type, key));
    }

    private static String value(SpecNode n, Type type, String key) {
        if (type == null) {
            if (n.json().isArray()) {
                return String.join(",", n.elements().stream().map(SpecNode::text).toList());
            }
            return n.text();
        }
        return switch (type) {
            case INTEGER -> Long.toString(n.integer());
            case NUMBER -> Double.toString(n.number());
            case BOOLEAN -> Boolean.toString(n.bool());
            case TEXT -> checkedChoice(n, key);
            case INTEGERS -> String.join(",", n.elements().stream().map(e -> Long.toString(e.integer())).toList());
            case NUMBERS -> String.join(",", n.elements().stream().map(e -> Double.toString(e.number())).toList());
            case TEXTS -> String.join(",", n.elements().stream().map(SpecNode::text).toList());
        };
    }

    private static String checkedChoice(SpecNode n, String key) {
        List<String> c = CHOICES.get(key);
        return c == null ? n.text() : n.choice(c.toArray(String[]::new));
    }

    static {
        CHOICES.keySet().forEach(k -> TYPES.put(k, Type.TEXT));
    }

    @Override
    public void write(RunSpec spec, Map<String, Object> settings, Path runDirectory) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (spec.problem() instanceof SpecProblem p) {
            root.set("problem", p.definition());
        } else {
            root.put("problem", spec.problemName());
        }
        root.put("seed", spec.seed());
        settings.forEach((k, v) -> {
            if (!k.equals("seed")) {
                override(root, k, String.valueOf(v), RunSpecReader.EFFECTIVE_SPEC);
            }
        });
        try {
            String header = "# The effective spec of this run: the file it was started from with every --set and the\n"
                    + "# problem's defaults applied. `ansatz solve " + RunSpecReader.EFFECTIVE_SPEC + "` repeats it."
                    + (spec.problem() != null && !(spec.problem() instanceof SpecProblem)
                    ? "\n# The problem was the host's own (Java): resume it with Runs.resume(dir, problem)." : "") + "\n";
            AtomicFiles.write(runDirectory.resolve(RunSpecReader.EFFECTIVE_SPEC), header
                    + YAML.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + RunSpecReader.EFFECTIVE_SPEC + ": " + e.getMessage(), e);
        }
    }
}
