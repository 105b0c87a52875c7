package org.ansatz.api.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeometriesTest {

    private static NDManager manager;
    private final SplittableRandom random = new SplittableRandom(1);

    @BeforeAll
    static void start() {
        manager = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 1, 1)).newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    static final Geometry ANNULUS = Geometries.difference(Geometries.disk(0, 0, 1), Geometries.disk(0, 0, 0.5));
    static final Geometry L_SHAPE = Geometries.polygon(new double[] {0, 0, 2, 0, 2, 1, 1, 1, 1, 2, 0, 2});

    /** Boundary points lie on the boundary; a step along the normal leaves, a step against it enters. */
    private static void checkBoundary(Geometry g, BoundarySample s) {
        int d = g.dimension();
        for (int i = 0; i < s.points().length / d; i++) {
            double[] p = {s.points()[i * d], s.points()[i * d + 1]};
            double[] n = {s.normals()[i * d], s.normals()[i * d + 1]};
            assertThat(Math.hypot(n[0], n[1])).isCloseTo(1, within(1e-12));
            assertThat(Math.abs(g.signedDistance(p))).isLessThan(1e-9);
            double eps = 1e-6;
            // Skip corners, where the normal is one-sided.
            double[] out = {p[0] + eps * n[0], p[1] + eps * n[1]};
            double[] in = {p[0] - eps * n[0], p[1] - eps * n[1]};
            if (Math.abs(Math.abs(g.signedDistance(out)) - eps) < 1e-9) {
                assertThat(g.signedDistance(out)).isGreaterThan(0);
                assertThat(g.signedDistance(in)).isLessThan(0);
            }
        }
    }

    @Test
    void interiorSamplesFillTheRightArea() {
        // Monte Carlo area from the bounding box hit rate, against pi (1 - 1/4) and 3.
        for (Object[] c : new Object[][] {{ANNULUS, Math.PI * 0.75}, {L_SHAPE, 3.0},
                {Geometries.rectangle(0, 0, 2, 1), 2.0}}) {
            Geometry g = (Geometry) c[0];
            double[] b = g.bounds();
            int inside = 0;
            int n = 200_000;
            for (int i = 0; i < n; i++) {
                double[] p = {b[0] + random.nextDouble() * (b[2] - b[0]), b[1] + random.nextDouble() * (b[3] - b[1])};
                inside += g.contains(p) ? 1 : 0;
            }
            double area = (double) inside / n * (b[2] - b[0]) * (b[3] - b[1]);
            assertThat(area).isCloseTo((Double) c[1], within(0.02));
            double[] pts = g.sampleInterior(1000, random);
            for (int i = 0; i < 1000; i++) {
                assertThat(g.contains(new double[] {pts[2 * i], pts[2 * i + 1]})).isTrue();
            }
        }
    }

    @Test
    void boundarySamplesCarryOutwardNormals() {
        checkBoundary(ANNULUS, ANNULUS.sampleBoundary(2000, random));
        checkBoundary(L_SHAPE, L_SHAPE.sampleBoundary(2000, random));
        Geometry rect = Geometries.rectangle(-1, 0, 1, 3);
        checkBoundary(rect, rect.sampleBoundary(2000, random));
        // Both circles of the annulus, in proportion to their lengths (2:1).
        BoundarySample s = ANNULUS.sampleBoundary(3000, random);
        int inner = 0;
        for (int i = 0; i < 3000; i++) {
            inner += Math.hypot(s.points()[2 * i], s.points()[2 * i + 1]) < 0.75 ? 1 : 0;
        }
        assertThat(inner / 3000.0).isCloseTo(1.0 / 3, within(0.05));
        BoundarySample u = Geometries.union(Geometries.disk(0, 0, 1), Geometries.disk(1, 0, 1)).sampleBoundary(500, random);
        checkBoundary(Geometries.union(Geometries.disk(0, 0, 1), Geometries.disk(1, 0, 1)), u);
    }

    @Test
    void smoothDistanceVanishesOnTheBoundaryAndHasUnitInwardSlope() {
        for (Geometry g : new Geometry[] {ANNULUS, Geometries.rectangle(0, 0, 2, 1), Geometries.disk(0.5, 0.5, 0.3)}) {
            BoundarySample s = g.sampleBoundary(200, random);
            DerivativePlan plan = DerivativePlan.of(2, MultiIndex.of(0), MultiIndex.of(1));
            Jet d = g.distance(Jet.input(manager.create(s.points(), new Shape(200, 2)), plan));
            double[] v = d.value().toDoubleArray();
            double[] dx = d.stream(MultiIndex.of(0)).toDoubleArray();
            double[] dy = d.stream(MultiIndex.of(1)).toDoubleArray();
            for (int i = 0; i < 200; i++) {
                assertThat(v[i]).isCloseTo(0, within(1e-9));
                double[] n = {s.normals()[2 * i], s.normals()[2 * i + 1]};
                // Away from rectangle corners the gradient is the inward normal.
                if (Math.abs(n[0]) == 1 || Math.abs(n[1]) == 1 || g != ANNULUS) {
                    double slope = -(dx[i] * n[0] + dy[i] * n[1]);
                    if (Double.isFinite(slope) && Math.abs(Math.abs(dx[i]) + Math.abs(dy[i])) > 0.5) {
                        assertThat(slope).isCloseTo(1, within(1e-6));
                    }
                }
            }
            double[] inside = g.sampleInterior(200, random);
            double[] di = g.distance(Jet.input(manager.create(inside, new Shape(200, 2)), DerivativePlan.of(2)))
                    .value().toDoubleArray();
            for (double x : di) {
                assertThat(x).isPositive();
            }
        }
    }

    @Test
    void timeExtensionSamplesLateralBoundaryAndInterior() {
        Geometry st = Geometries.timeExtension(ANNULUS, 0, 2);
        assertThat(st.dimension()).isEqualTo(3);
        assertThat(st.bounds()).containsExactly(0, -1, -1, 2, 1, 1);
        BoundarySample b = st.sampleBoundary(300, random);
        double[] in = st.sampleInterior(300, random);
        for (int i = 0; i < 300; i++) {
            double t = b.points()[3 * i];
            double r = Math.hypot(b.points()[3 * i + 1], b.points()[3 * i + 2]);
            assertThat(t).isBetween(0.0, 2.0);
            assertThat(Math.min(Math.abs(r - 1), Math.abs(r - 0.5))).isLessThan(1e-12);
            assertThat(b.normals()[3 * i]).isZero();
            assertThat(st.contains(new double[] {in[3 * i], in[3 * i + 1], in[3 * i + 2]})).isTrue();
        }
        assertThat(st.contains(new double[] {2.5, 0.7, 0})).isFalse();
        assertThat(st.boundaryMeasure()).isCloseTo(2 * Math.PI * 1.5 * 2, within(1e-12));
    }

    @Test
    void badGeometriesAreRejected() {
        assertThatThrownBy(() -> Geometries.disk(0, 0, -1)).hasMessageContaining("positive radius");
        assertThatThrownBy(() -> Geometries.polygon(new double[] {0, 0, 1, 1})).hasMessageContaining("three vertices");
        assertThatThrownBy(() -> Geometries.polygon(new double[] {0, 0, 1, 1, 2, 2})).hasMessageContaining("degenerate");
        assertThatThrownBy(() -> L_SHAPE.distance(null)).hasMessageContaining("soft boundary conditions");
    }
}
