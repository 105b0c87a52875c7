package org.ansatz.models.multistage.internal;

import org.ansatz.api.pde.Box;

/**
 * Magnitude and dominant frequency of a field sampled at the cell centres of a regular grid over a
 * box: what the next stage's output scale and first-layer scale are set from. The discrete Fourier
 * transform is computed axis by axis (plain sums: grids here have at most a few thousand points);
 * several columns (outputs, equations) add their power.
 *
 * @param rms       root mean square over the points inside the geometry
 * @param frequency of the strongest non-constant mode, in cycles per unit of the inputs
 *                  ({@code |k / L|} over the axes)
 */
record Spectrum(double rms, double frequency) {

    /** Points per axis: fine in 1D, coarser as the dimension grows, about 4096 points in all. */
    static int[] counts(int dimension) {
        int per = switch (dimension) {
            case 1 -> 512;
            case 2 -> 64;
            case 3 -> 16;
            default -> Math.max(4, (int) Math.floor(Math.pow(4096, 1.0 / dimension)));
        };
        int[] c = new int[dimension];
        java.util.Arrays.fill(c, per);
        return c;
    }

    /** Cell centres of the grid, row-major {@code [points, dimension]}, the last axis fastest. */
    static double[] grid(Box box, int[] counts) {
        int d = counts.length;
        int total = 1;
        for (int c : counts) {
            total *= c;
        }
        double[] p = new double[total * d];
        for (int i = 0; i < total; i++) {
            int rest = i;
            for (int a = d - 1; a >= 0; a--) {
                int j = rest % counts[a];
                rest /= counts[a];
                double h = (box.upper()[a] - box.lower()[a]) / counts[a];
                p[i * d + a] = box.lower()[a] + (j + 0.5) * h;
            }
        }
        return p;
    }

    /**
     * The residue itself: its RMS and dominant frequency.
     *
     * @param values row-major {@code [points, columns]} over the whole grid; zero outside the geometry
     * @param inside which grid points lie in the geometry (null: all)
     */
    static Spectrum of(double[] values, int columns, boolean[] inside, int[] counts, Box box) {
        return of(values, columns, inside, counts, box, 0);
    }

    /**
     * The residue {@code e} of an equation of order {@code n} estimated from the equation's residual
     * {@code r}: to leading order {@code L e = -r} with {@code L} of order n, so mode by mode
     * {@code |e_k| = |r_k| / (2 pi |f_k|)^n}. The residual is dominated by the high frequencies that
     * differentiation amplifies, the residue by low ones; weighting the modes gives the frequency and the
     * magnitude (by Parseval) of the residue, not of the residual. The constant mode of the residual
     * stands for the smoothest residue the boundary values allow, half a wave over the domain (a constant
     * {@code u_xx} error is a parabola vanishing at both ends), so it counts at frequency {@code 1/(2L)};
     * a fit whose residual is almost constant otherwise looks perfect. With {@code order} 0 this is the
     * field's own RMS and dominant frequency, the constant mode left out of the frequency.
     */
    static Spectrum of(double[] values, int columns, boolean[] inside, int[] counts, Box box, int order) {
        int total = values.length / columns;
        double[] power = new double[total];
        for (int c = 0; c < columns; c++) {
            double[] re = new double[total];
            double[] im = new double[total];
            for (int i = 0; i < total; i++) {
                re[i] = inside == null || inside[i] ? values[i * columns + c] : 0;
            }
            transform(re, im, counts);
            for (int i = 0; i < total; i++) {
                power[i] += re[i] * re[i] + im[i] * im[i];
            }
        }
        int best = -1;
        double bestPower = 0;
        double weighted = 0;
        for (int i = order == 0 ? 1 : 0; i < total; i++) {
            double f = i == 0 ? 1 / (2 * maxLength(box)) : frequency(i, counts, box);
            double p = power[i] / Math.pow(2 * Math.PI * f, 2.0 * order);
            weighted += p;
            if (best < 0 || p > bestPower) {
                best = i;
                bestPower = p;
            }
        }
        int n = 0;
        double sum = 0;
        for (int i = 0; i < total; i++) {
            if (inside == null || inside[i]) {
                for (int c = 0; c < columns; c++) {
                    sum += values[i * columns + c] * values[i * columns + c];
                }
                n++;
            }
        }
        double rms = order == 0 ? Math.sqrt(sum / Math.max(1, n * columns))
                // Parseval over the grid (zeros outside), per point inside and per column.
                : Math.sqrt(weighted / total / Math.max(1, n * columns));
        double dominant = best < 0 ? 1 / maxLength(box) : best == 0 ? 1 / (2 * maxLength(box))
                : frequency(best, counts, box);
        return new Spectrum(rms, dominant);
    }

    /** {@code |k / L|} of a flat index into the transform. */
    private static double frequency(int index, int[] counts, Box box) {
        double f2 = 0;
        int rest = index;
        for (int a = counts.length - 1; a >= 0; a--) {
            int k = rest % counts[a];
            rest /= counts[a];
            int signed = k < (counts[a] + 1) / 2 ? k : k - counts[a];
            double f = signed / (box.upper()[a] - box.lower()[a]);
            f2 += f * f;
        }
        return Math.sqrt(f2);
    }

    private static double maxLength(Box box) {
        double l = 0;
        for (int a = 0; a < box.dimension(); a++) {
            l = Math.max(l, box.upper()[a] - box.lower()[a]);
        }
        return l;
    }

    /** In-place DFT along every axis of a row-major array. */
    private static void transform(double[] re, double[] im, int[] counts) {
        int d = counts.length;
        int stride = 1;
        for (int a = d - 1; a >= 0; a--) {
            int m = counts[a];
            double[] cos = new double[m];
            double[] sin = new double[m];
            for (int j = 0; j < m; j++) {
                cos[j] = Math.cos(2 * Math.PI * j / m);
                sin[j] = Math.sin(2 * Math.PI * j / m);
            }
            double[] lr = new double[m];
            double[] li = new double[m];
            int total = re.length;
            for (int start = 0; start < total; start++) {
                // Lines along axis a start where the index along a is zero.
                if ((start / stride) % m != 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    lr[j] = re[start + j * stride];
                    li[j] = im[start + j * stride];
                }
                for (int k = 0; k < m; k++) {
                    double sr = 0;
                    double si = 0;
                    for (int j = 0; j < m; j++) {
                        int t = (int) ((long) j * k % m);
                        // x_j e^{-2 pi i j k / m}
                        sr += lr[j] * cos[t] + li[j] * sin[t];
                        si += li[j] * cos[t] - lr[j] * sin[t];
                    }
                    re[start + k * stride] = sr;
                    im[start + k * stride] = si;
                }
            }
            stride *= m;
        }
    }
}
