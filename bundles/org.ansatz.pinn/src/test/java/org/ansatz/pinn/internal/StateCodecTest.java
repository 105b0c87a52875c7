package org.ansatz.pinn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.run.Checkpointable;
import org.ansatz.api.run.NumpyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plug-in state through JSON and NPZ files and back into fresh objects, bit for bit. */
class StateCodecTest {

    @TempDir
    Path tmp;

    enum Phase { WARMUP, MAIN }

    record Pair(double[] s, double[] y, double rho) {
    }

    static final class Inner {
        long counter;
        double[] buffer = new double[2];
    }

    /** An optimizer-like object with every kind of field the codec handles. */
    static final class Plain {
        final String name = "plain";
        private final double[] moments;
        private final ArrayDeque<Pair> pairs = new ArrayDeque<>();
        private double[][] perTerm;
        private List<String> names;
        private Map<String, Double> byName = new LinkedHashMap<>();
        private long t;
        private int stalled;
        private boolean converged;
        private double last;
        private Double boxed;
        private Phase phase = Phase.WARMUP;
        private final Inner inner = new Inner();

        Plain(int n) {
            moments = new double[n];
        }
    }

    /** Saves itself: what a plug-in with a JDK random generator would do. */
    static final class Own implements Checkpointable {
        long draws;
        double[] memory = new double[3];

        @Override
        public Map<String, Object> saveState() {
            return Map.of("draws", draws, "memory", memory.clone());
        }

        @Override
        public void restoreState(Map<String, Object> state) {
            draws = (Long) state.get("draws");
            memory = ((double[]) state.get("memory")).clone();
        }
    }

    private JsonNode roundTrip(JsonNode node, Map<String, NumpyFiles.Array> arrays, Map<String, NumpyFiles.Array> back)
            throws Exception {
        Path npz = tmp.resolve("s.npz");
        Files.write(npz, NumpyFiles.npz(arrays));
        back.putAll(NumpyFiles.readNpz(npz));
        ObjectMapper json = new ObjectMapper();
        return json.readTree(json.writeValueAsString(node));
    }

    @Test
    void everyKindOfFieldComesBackBitForBitIntoAFreshObject() throws Exception {
        Plain a = new Plain(3);
        a.moments[0] = Math.PI;
        a.moments[2] = -0.0;
        a.pairs.add(new Pair(new double[] {1, 2}, new double[] {3, Double.MIN_VALUE}, 0.1 + 0.2));
        a.pairs.add(new Pair(new double[] {5}, new double[] {6}, Double.NaN));
        a.perTerm = new double[][] {{1e-300}, {2, 3}};
        a.names = List.of("pde", "ic");
        a.byName.put("w", 1.0 / 3);
        a.t = Long.MAX_VALUE;
        a.stalled = 7;
        a.converged = true;
        a.last = Double.NEGATIVE_INFINITY;
        a.boxed = 2.5;
        a.phase = Phase.MAIN;
        a.inner.counter = 11;
        a.inner.buffer[1] = 4.25;
        Map<String, NumpyFiles.Array> arrays = new LinkedHashMap<>();
        JsonNode saved = new StateCodec(arrays).save("optimizer", a);
        Map<String, NumpyFiles.Array> back = new LinkedHashMap<>();
        JsonNode read = roundTrip(saved, arrays, back);

        Plain b = new Plain(3);
        double[] sameArray = b.moments;
        new StateCodec(back).restore(read, b, "optimizer");
        assertThat(b.moments).isSameAs(sameArray);
        assertThat(Double.doubleToRawLongBits(b.moments[2])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(b.moments[0]).isEqualTo(Math.PI);
        assertThat(b.pairs).hasSize(2);
        Pair first = b.pairs.peekFirst();
        assertThat(first.s()).containsExactly(1, 2);
        assertThat(first.y()[1]).isEqualTo(Double.MIN_VALUE);
        assertThat(first.rho()).isEqualTo(0.1 + 0.2);
        assertThat(b.pairs.peekLast().rho()).isNaN();
        assertThat(b.perTerm[0]).containsExactly(1e-300);
        assertThat(b.perTerm[1]).containsExactly(2, 3);
        assertThat(b.names).containsExactly("pde", "ic");
        assertThat(b.byName).containsExactly(Map.entry("w", 1.0 / 3));
        assertThat(b.t).isEqualTo(Long.MAX_VALUE);
        assertThat(b.stalled).isEqualTo(7);
        assertThat(b.converged).isTrue();
        assertThat(b.last).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(b.boxed).isEqualTo(2.5);
        assertThat(b.phase).isEqualTo(Phase.MAIN);
        assertThat(b.inner.counter).isEqualTo(11);
        assertThat(b.inner.buffer).containsExactly(0, 4.25);
    }

    @Test
    void checkpointableObjectsSaveThemselves() throws Exception {
        Own a = new Own();
        a.draws = 42;
        a.memory[1] = 0.7;
        Map<String, NumpyFiles.Array> arrays = new LinkedHashMap<>();
        JsonNode saved = new StateCodec(arrays).save("balancer", a);
        Map<String, NumpyFiles.Array> back = new LinkedHashMap<>();
        Own b = new Own();
        new StateCodec(back).restore(roundTrip(saved, arrays, back), b, "balancer");
        assertThat(b.draws).isEqualTo(42);
        assertThat(b.memory).containsExactly(0, 0.7, 0);
    }

    /** What relobralo and ntk hold today. */
    static final class WithRandom {
        double x;
        private final java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    }

    @Test
    void jdkInternalsAreRefusedWithTheFieldAndAnotherClassIsNotRestored() {
        assertThatThrownBy(() -> new StateCodec(new LinkedHashMap<>()).save("balancer", new WithRandom()))
                .isInstanceOf(StateCodec.NotSaveable.class).hasMessageContaining("WithRandom.random")
                .hasMessageContaining("java.util.SplittableRandom").hasMessageContaining("Checkpointable");
        JsonNode saved = new StateCodec(new LinkedHashMap<>()).save("optimizer", new Inner());
        assertThatThrownBy(() -> new StateCodec(new LinkedHashMap<>()).restore(saved, new Plain(1), "optimizer"))
                .hasMessageContaining("holds the state of").hasMessageContaining("Inner");
    }
}
