package org.ansatz.datasets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ansatz.api.data.DatasetProvider;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodListener;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.api.method.UnknownMethodException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ansatz:dataset} against a registry holding the bundle's providers. */
class DatasetCommandTest {

    @TempDir
    Path dir;

    static final Map<String, DatasetProvider> PROVIDERS = Map.of("burgers", new DatasetComponents.BurgersDatasets(),
            "darcy", new DatasetComponents.DarcyDatasets(), "npz", new FileComponents.NpzDatasets());

    static MethodRegistry registry() {
        return new MethodRegistry() {
            @Override
            public List<MethodDescriptor> methods() {
                return methods(MethodKind.DATASET);
            }

            @Override
            public List<MethodDescriptor> methods(MethodKind kind) {
                return PROVIDERS.keySet().stream().sorted()
                        .map(n -> new MethodDescriptor(n, MethodKind.DATASET, "", "test", "0", 0)).toList();
            }

            @Override
            public Optional<MethodDescriptor> find(MethodKind kind, String name) {
                return methods(kind).stream().filter(d -> d.name().equals(name)).findFirst();
            }

            @Override
            public <T> T get(Class<T> type, String name) {
                DatasetProvider p = PROVIDERS.get(name);
                if (p == null) {
                    throw new UnknownMethodException(MethodKind.DATASET, name, PROVIDERS.keySet());
                }
                return type.cast(p);
            }

            @Override
            public AutoCloseable addListener(MethodListener listener) {
                return () -> {
                };
            }
        };
    }

    static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        System.setOut(new PrintStream(b, true, StandardCharsets.UTF_8));
        try {
            new DatasetCommand(registry()).dataset(args);
        } finally {
            System.setOut(old);
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generateWritesACachedFileThatInfoAndTheNpzDatasetRead() throws Exception {
        String out = run("generate", "darcy", "--n", "3", "--resolution", "9", "--seed", "4", "--out", dir.toString());
        assertThat(out).contains("Generated 3 samples of darcy at 9x9");
        Path file;
        try (var files = Files.list(dir)) {
            file = files.filter(f -> f.toString().endsWith(".npz")).findFirst().orElseThrow();
        }
        assertThat(run("generate", "darcy", "--n", "2", "--resolution", "9", "--seed", "4", "--out", dir.toString()))
                .contains("Found 2 samples");
        assertThat(run("info", file.toString())).contains("3 samples, a -> u on 9x9").contains("equation: darcy");
        var d = PROVIDERS.get("npz").open(Map.of("file", file.toString()));
        assertThat(d.size()).isEqualTo(3);
        assertThat(run("list")).contains("burgers").contains("darcy");
    }

    @Test
    void unknownNamesAndMalformedOptionsAreNamed() {
        assertThatThrownBy(() -> run("generate", "burgerz")).isInstanceOf(UnknownMethodException.class)
                .hasMessageContaining("did you mean 'burgers'");
        assertThatThrownBy(() -> run("generate", "burgers", "--n", "0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n must be an integer >= 1");
        assertThatThrownBy(() -> run("generate", "npz", "--set", "file=x.npz", "--out", "d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--out applies to generated");
        assertThatThrownBy(() -> run("frobnicate")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown subcommand 'frobnicate'");
    }
}
