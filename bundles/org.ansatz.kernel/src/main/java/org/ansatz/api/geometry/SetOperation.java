package org.ansatz.api.geometry;

import java.util.SplittableRandom;
import org.ansatz.api.derivative.Jet;

/**
 * Union, intersection and difference. Signed distances combine by min/max (exact in sign); boundary
 * points are drawn from both parts in proportion to their boundary measure and kept where they lie on
 * the result's boundary (normals of the subtracted part flip); smooth distances combine by R-functions.
 */
final class SetOperation implements Geometry {

    enum Kind { UNION, INTERSECTION, DIFFERENCE }

    private final Geometry a;
    private final Geometry b;
    private final Kind kind;

    SetOperation(Geometry a, Geometry b, Kind kind) {
        if (a.dimension() != b.dimension()) {
            throw new IllegalArgumentException("cannot combine a " + a.dimension() + "D and a " + b.dimension()
                    + "D geometry");
        }
        this.a = a;
        this.b = b;
        this.kind = kind;
    }

    @Override
    public int dimension() {
        return a.dimension();
    }

    @Override
    public double[] bounds() {
        double[] x = a.bounds();
        double[] y = b.bounds();
        int d = dimension();
        if (kind == Kind.DIFFERENCE) {
            return x;
        }
        double[] out = new double[2 * d];
        for (int i = 0; i < d; i++) {
            out[i] = kind == Kind.UNION ? Math.min(x[i], y[i]) : Math.max(x[i], y[i]);
            out[d + i] = kind == Kind.UNION ? Math.max(x[d + i], y[d + i]) : Math.min(x[d + i], y[d + i]);
        }
        return out;
    }

    @Override
    public double signedDistance(double[] p) {
        double da = a.signedDistance(p);
        double db = b.signedDistance(p);
        return switch (kind) {
            case UNION -> Math.min(da, db);
            case INTERSECTION -> Math.max(da, db);
            case DIFFERENCE -> Math.max(da, -db);
        };
    }

    @Override
    public double boundaryMeasure() {
        return a.boundaryMeasure() + b.boundaryMeasure();
    }

    /** Whether a boundary point of one part lies on the result's boundary, given its distance to the other. */
    private boolean keepFromA(double distanceToB) {
        return switch (kind) {
            case UNION, DIFFERENCE -> distanceToB >= 0;
            case INTERSECTION -> distanceToB <= 0;
        };
    }

    private boolean keepFromB(double distanceToA) {
        return switch (kind) {
            case UNION -> distanceToA >= 0;
            case INTERSECTION, DIFFERENCE -> distanceToA <= 0;
        };
    }

    @Override
    public BoundarySample sampleBoundary(int count, SplittableRandom random) {
        int d = dimension();
        double share = a.boundaryMeasure() / boundaryMeasure();
        java.util.List<double[]> kept = new java.util.ArrayList<>();
        int rounds = 0;
        double[] p = new double[d];
        // Candidates from both parts in proportion to their measure; what survives is then uniform on
        // the result's boundary, whatever fraction of each part survives.
        while (kept.size() < count) {
            if (++rounds > 1000) {
                throw new IllegalStateException("the combined geometry has (almost) no boundary to sample");
            }
            int batch = Math.max(64, 2 * (count - kept.size()));
            int fromA = 0;
            for (int i = 0; i < batch; i++) {
                fromA += random.nextDouble() < share ? 1 : 0;
            }
            for (boolean isA : new boolean[] {true, false}) {
                int n = isA ? fromA : batch - fromA;
                if (n == 0) {
                    continue;
                }
                BoundarySample s = (isA ? a : b).sampleBoundary(n, random);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(s.points(), i * d, p, 0, d);
                    double other = (isA ? b : a).signedDistance(p);
                    if (isA ? keepFromA(other) : keepFromB(other)) {
                        double flip = !isA && kind == Kind.DIFFERENCE ? -1 : 1;
                        double[] row = new double[2 * d];
                        for (int k = 0; k < d; k++) {
                            row[k] = p[k];
                            row[d + k] = flip * s.normals()[i * d + k];
                        }
                        kept.add(row);
                    }
                }
            }
        }
        // Shuffle so that truncation does not favour the part sampled first.
        for (int i = kept.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double[] t = kept.get(i);
            kept.set(i, kept.get(j));
            kept.set(j, t);
        }
        double[] pts = new double[count * d];
        double[] nrm = new double[count * d];
        for (int i = 0; i < count; i++) {
            System.arraycopy(kept.get(i), 0, pts, i * d, d);
            System.arraycopy(kept.get(i), d, nrm, i * d, d);
        }
        return new BoundarySample(pts, nrm);
    }

    @Override
    public Jet distance(Jet x) {
        Jet fa = a.distance(x);
        Jet fb = b.distance(x);
        return switch (kind) {
            case UNION -> Geometries.disjunction(fa, fb);
            case INTERSECTION -> Geometries.conjunction(fa, fb);
            case DIFFERENCE -> Geometries.conjunction(fa, fb.scale(-1));
        };
    }
}
