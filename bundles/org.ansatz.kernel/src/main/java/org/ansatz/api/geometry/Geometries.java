package org.ansatz.api.geometry;

import java.util.SplittableRandom;
import org.ansatz.api.derivative.Functions;
import org.ansatz.api.derivative.Jet;

/** Disks, rectangles, polygons and their unions, intersections and differences. */
public final class Geometries {

    private Geometries() {
    }

    /** The disk of radius {@code r} around {@code (cx, cy)}. */
    public static Geometry disk(double cx, double cy, double r) {
        if (!(r > 0)) {
            throw new IllegalArgumentException("a disk needs a positive radius, got " + r);
        }
        return new Geometry() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double[] bounds() {
                return new double[] {cx - r, cy - r, cx + r, cy + r};
            }

            @Override
            public double signedDistance(double[] p) {
                return Math.hypot(p[0] - cx, p[1] - cy) - r;
            }

            @Override
            public double boundaryMeasure() {
                return 2 * Math.PI * r;
            }

            @Override
            public BoundarySample sampleBoundary(int count, SplittableRandom random) {
                double[] pts = new double[2 * count];
                double[] nrm = new double[2 * count];
                for (int i = 0; i < count; i++) {
                    double a = 2 * Math.PI * random.nextDouble();
                    nrm[2 * i] = Math.cos(a);
                    nrm[2 * i + 1] = Math.sin(a);
                    pts[2 * i] = cx + r * nrm[2 * i];
                    pts[2 * i + 1] = cy + r * nrm[2 * i + 1];
                }
                return new BoundarySample(pts, nrm);
            }

            /** {@code (r^2 - |x - c|^2) / (2r)}: the distance to first order at the boundary. */
            @Override
            public Jet distance(Jet x) {
                Jet dx = x.columns(0, 1).shift(-cx);
                Jet dy = x.columns(1, 2).shift(-cy);
                return dx.mul(dx).add(dy.mul(dy)).scale(-1).shift(r * r).scale(1 / (2 * r));
            }
        };
    }

    /** The axis-aligned rectangle {@code [x0, x1] x [y0, y1]}. */
    public static Geometry rectangle(double x0, double y0, double x1, double y1) {
        return box(new double[] {x0, y0}, new double[] {x1, y1});
    }

    /** The axis-aligned box {@code [lower_i, upper_i]} in any dimension (an interval in 1D). */
    public static Geometry box(double[] lower, double[] upper) {
        int d = lower.length;
        if (upper.length != d || d == 0) {
            throw new IllegalArgumentException("a box needs matching, non-empty bounds");
        }
        double[] faces = new double[d];
        double total = 0;
        for (int a = 0; a < d; a++) {
            if (!(lower[a] < upper[a])) {
                throw new IllegalArgumentException("empty box along axis " + a);
            }
            double f = 2;
            for (int b = 0; b < d; b++) {
                f *= b == a ? 1 : upper[b] - lower[b];
            }
            faces[a] = f;
            total += f;
        }
        double measure = total;
        return new Geometry() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public double[] bounds() {
                double[] out = new double[2 * d];
                System.arraycopy(lower, 0, out, 0, d);
                System.arraycopy(upper, 0, out, d, d);
                return out;
            }

            @Override
            public double signedDistance(double[] p) {
                double outside = 0;
                double inside = -Double.MAX_VALUE;
                for (int a = 0; a < d; a++) {
                    double q = Math.max(lower[a] - p[a], p[a] - upper[a]);
                    outside += Math.max(q, 0) * Math.max(q, 0);
                    inside = Math.max(inside, q);
                }
                return outside > 0 ? Math.sqrt(outside) : inside;
            }

            @Override
            public double boundaryMeasure() {
                return measure;
            }

            @Override
            public BoundarySample sampleBoundary(int count, SplittableRandom random) {
                double[] pts = new double[count * d];
                double[] nrm = new double[count * d];
                for (int k = 0; k < count; k++) {
                    double s = random.nextDouble() * measure;
                    int axis = 0;
                    while (axis < d - 1 && s > faces[axis]) {
                        s -= faces[axis++];
                    }
                    boolean high = random.nextBoolean();
                    for (int a = 0; a < d; a++) {
                        pts[k * d + a] = a == axis ? (high ? upper[a] : lower[a])
                                : lower[a] + random.nextDouble() * (upper[a] - lower[a]);
                    }
                    nrm[k * d + axis] = high ? 1 : -1;
                }
                return new BoundarySample(pts, nrm);
            }

            /** Per axis {@code (x - lo)(hi - x)/(hi - lo)}, joined by R-function conjunction. */
            @Override
            public Jet distance(Jet x) {
                Jet out = null;
                for (int a = 0; a < d; a++) {
                    Jet c = x.columns(a, a + 1);
                    Jet f = c.shift(-lower[a]).mul(c.scale(-1).shift(upper[a])).scale(1 / (upper[a] - lower[a]));
                    out = out == null ? f : conjunction(out, f);
                }
                return out;
            }
        };
    }

    /**
     * A simple polygon from its vertices {@code x0, y0, x1, y1, ...} in either orientation. It has no
     * smooth distance yet: use soft boundary conditions with it.
     */
    public static Geometry polygon(double[] xy) {
        if (xy.length < 6 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("a polygon needs at least three vertices as x, y pairs");
        }
        int n = xy.length / 2;
        double area2 = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            area2 += xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1];
        }
        if (area2 == 0) {
            throw new IllegalArgumentException("degenerate polygon (zero area)");
        }
        double orientation = Math.signum(area2);
        double[] lengths = new double[n];
        double perimeter = 0;
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            lengths[i] = Math.hypot(xy[2 * j] - xy[2 * i], xy[2 * j + 1] - xy[2 * i + 1]);
            perimeter += lengths[i];
            box[0] = Math.min(box[0], xy[2 * i]);
            box[1] = Math.min(box[1], xy[2 * i + 1]);
            box[2] = Math.max(box[2], xy[2 * i]);
            box[3] = Math.max(box[3], xy[2 * i + 1]);
        }
        double total = perimeter;
        return new Geometry() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double[] bounds() {
                return box.clone();
            }

            @Override
            public double signedDistance(double[] p) {
                double best = Double.MAX_VALUE;
                boolean inside = false;
                for (int i = 0; i < n; i++) {
                    int j = (i + 1) % n;
                    double ax = xy[2 * i];
                    double ay = xy[2 * i + 1];
                    double bx = xy[2 * j];
                    double by = xy[2 * j + 1];
                    double ex = bx - ax;
                    double ey = by - ay;
                    double t = Math.max(0, Math.min(1, ((p[0] - ax) * ex + (p[1] - ay) * ey) / (ex * ex + ey * ey)));
                    best = Math.min(best, Math.hypot(p[0] - ax - t * ex, p[1] - ay - t * ey));
                    if ((ay > p[1]) != (by > p[1]) && p[0] < ax + (p[1] - ay) * ex / ey) {
                        inside = !inside;
                    }
                }
                return inside ? -best : best;
            }

            @Override
            public double boundaryMeasure() {
                return total;
            }

            @Override
            public BoundarySample sampleBoundary(int count, SplittableRandom random) {
                double[] pts = new double[2 * count];
                double[] nrm = new double[2 * count];
                for (int k = 0; k < count; k++) {
                    double s = random.nextDouble() * total;
                    int i = 0;
                    while (i < n - 1 && s > lengths[i]) {
                        s -= lengths[i++];
                    }
                    int j = (i + 1) % n;
                    double ex = xy[2 * j] - xy[2 * i];
                    double ey = xy[2 * j + 1] - xy[2 * i + 1];
                    double t = s / lengths[i];
                    pts[2 * k] = xy[2 * i] + t * ex;
                    pts[2 * k + 1] = xy[2 * i + 1] + t * ey;
                    // Outward: to the right of the edge for counter-clockwise vertices.
                    nrm[2 * k] = orientation * ey / lengths[i];
                    nrm[2 * k + 1] = -orientation * ex / lengths[i];
                }
                return new BoundarySample(pts, nrm);
            }

            @Override
            public Jet distance(Jet x) {
                throw new UnsupportedOperationException("polygons have no smooth distance function yet; "
                        + "use soft boundary conditions (constraints=soft)");
            }
        };
    }

    /**
     * Space-time {@code [t0, t1] x spatial}, time first. Its boundary here is the lateral one (the spatial
     * boundary at every time): initial and final times are handled by initial conditions. The smooth
     * distance is the spatial one.
     */
    public static Geometry timeExtension(Geometry spatial, double t0, double t1) {
        if (!(t0 < t1)) {
            throw new IllegalArgumentException("empty time interval [" + t0 + ", " + t1 + "]");
        }
        int d = spatial.dimension();
        return new Geometry() {
            @Override
            public int dimension() {
                return d + 1;
            }

            @Override
            public double[] bounds() {
                double[] s = spatial.bounds();
                double[] out = new double[2 * (d + 1)];
                out[0] = t0;
                out[d + 1] = t1;
                System.arraycopy(s, 0, out, 1, d);
                System.arraycopy(s, d, out, d + 2, d);
                return out;
            }

            @Override
            public double signedDistance(double[] p) {
                double[] x = java.util.Arrays.copyOfRange(p, 1, d + 1);
                return Math.max(spatial.signedDistance(x), Math.max(t0 - p[0], p[0] - t1));
            }

            @Override
            public boolean contains(double[] p) {
                return p[0] >= t0 - 1e-12 && p[0] <= t1 + 1e-12
                        && spatial.contains(java.util.Arrays.copyOfRange(p, 1, d + 1));
            }

            @Override
            public double boundaryMeasure() {
                return spatial.boundaryMeasure() * (t1 - t0);
            }

            @Override
            public BoundarySample sampleBoundary(int count, SplittableRandom random) {
                BoundarySample s = spatial.sampleBoundary(count, random);
                double[] pts = new double[count * (d + 1)];
                double[] nrm = new double[count * (d + 1)];
                for (int i = 0; i < count; i++) {
                    pts[i * (d + 1)] = t0 + random.nextDouble() * (t1 - t0);
                    System.arraycopy(s.points(), i * d, pts, i * (d + 1) + 1, d);
                    System.arraycopy(s.normals(), i * d, nrm, i * (d + 1) + 1, d);
                }
                return new BoundarySample(pts, nrm);
            }

            @Override
            public double[] sampleInterior(int count, SplittableRandom random) {
                double[] x = spatial.sampleInterior(count, random);
                double[] out = new double[count * (d + 1)];
                for (int i = 0; i < count; i++) {
                    out[i * (d + 1)] = t0 + random.nextDouble() * (t1 - t0);
                    System.arraycopy(x, i * d, out, i * (d + 1) + 1, d);
                }
                return out;
            }

            @Override
            public Jet distance(Jet x) {
                return spatial.distance(x.columns(1, d + 1));
            }
        };
    }

    /** Points in both. */
    public static Geometry intersection(Geometry a, Geometry b) {
        return new SetOperation(a, b, SetOperation.Kind.INTERSECTION);
    }

    /** Points in either. */
    public static Geometry union(Geometry a, Geometry b) {
        return new SetOperation(a, b, SetOperation.Kind.UNION);
    }

    /** Points in {@code a} but not in {@code b}. */
    public static Geometry difference(Geometry a, Geometry b) {
        return new SetOperation(a, b, SetOperation.Kind.DIFFERENCE);
    }

    /** R-function conjunction {@code f + g - sqrt(f^2 + g^2)}: positive where both are, zero where either is. */
    static Jet conjunction(Jet f, Jet g) {
        return f.add(g).sub(f.mul(f).add(g.mul(g)).apply(Functions.SQRT));
    }

    /** R-function disjunction {@code f + g + sqrt(f^2 + g^2)}. */
    static Jet disjunction(Jet f, Jet g) {
        return f.add(g).add(f.mul(f).add(g.mul(g)).apply(Functions.SQRT));
    }

}
