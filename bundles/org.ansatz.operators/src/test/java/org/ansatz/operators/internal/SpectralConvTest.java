package org.ansatz.operators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The FFT and Fourier-basis spectral convolutions against each other and a naive DFT, in float64. */
class SpectralConvTest {

    static NDArray random(NDManager m, Random r, long... shape) {
        double[] v = new double[(int) new Shape(shape).size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        return m.create(v, new Shape(shape));
    }

    static double maxDiff(NDArray a, NDArray b) {
        return a.sub(b).abs().max().getDouble();
    }

    @Test
    void oneDimensionalMethodsAgreeWithEachOtherAndANaiveDft() {
        try (NDManager m = NDManager.newBaseManager(); SpectralConv.Constants k = new SpectralConv.Constants(m)) {
            Random r = new Random(1);
            int b = 2, c = 3, o = 4, n = 32, modes = 6;
            NDArray v = random(m, r, b, c, n);
            NDArray wr = random(m, r, modes, c, o);
            NDArray wi = random(m, r, modes, c, o);
            NDArray fft = SpectralConv.conv1d(v, wr, wi, SpectralConv.Method.FFT, k);
            NDArray mat = SpectralConv.conv1d(v, wr, wi, SpectralConv.Method.MATMUL, k);
            assertThat(fft.getShape()).isEqualTo(new Shape(b, o, n));
            assertThat(maxDiff(fft, mat)).isLessThan(1e-10);
            // naive: out[b,o,j] = Re sum_k c_k/n (sum_i X[b,i,k] W[i,o,k]) e^{2 pi i k j/n}
            double[] x = v.toDoubleArray(), ar = wr.toDoubleArray(), ai = wi.toDoubleArray(), got = fft.toDoubleArray();
            double worst = 0;
            for (int bb = 0; bb < b; bb++) {
                for (int oo = 0; oo < o; oo++) {
                    for (int j = 0; j < n; j++) {
                        double sum = 0;
                        for (int q = 0; q < modes; q++) {
                            double yr = 0, yi = 0;
                            for (int i = 0; i < c; i++) {
                                double xr = 0, xi = 0;
                                for (int t = 0; t < n; t++) {
                                    double ang = 2 * Math.PI * q * t / n;
                                    xr += x[(bb * c + i) * n + t] * Math.cos(ang);
                                    xi -= x[(bb * c + i) * n + t] * Math.sin(ang);
                                }
                                double w1 = ar[(q * c + i) * o + oo], w2 = ai[(q * c + i) * o + oo];
                                yr += xr * w1 - xi * w2;
                                yi += xr * w2 + xi * w1;
                            }
                            double cq = q == 0 ? 1 : 2;
                            double ang = 2 * Math.PI * q * j / n;
                            sum += cq / n * (yr * Math.cos(ang) - yi * Math.sin(ang));
                        }
                        worst = Math.max(worst, Math.abs(sum - got[(bb * o + oo) * n + j]));
                    }
                }
            }
            assertThat(worst).isLessThan(1e-10);
        }
    }

    @Test
    void twoDimensionalMethodsAgreeOnEvenAndOddGrids() {
        try (NDManager m = NDManager.newBaseManager(); SpectralConv.Constants k = new SpectralConv.Constants(m)) {
            Random r = new Random(2);
            for (int[] g : new int[][] {{12, 10}, {13, 11}, {6, 8}}) {
                int b = 2, c = 3, o = 2, m1 = 3, m2 = 4;
                NDArray v = random(m, r, b, c, g[0], g[1]);
                NDArray wr = random(m, r, 2 * m1 * m2, c, o);
                NDArray wi = random(m, r, 2 * m1 * m2, c, o);
                NDArray fft = SpectralConv.conv2d(v, wr, wi, m1, m2, SpectralConv.Method.FFT, k);
                NDArray mat = SpectralConv.conv2d(v, wr, wi, m1, m2, SpectralConv.Method.MATMUL, k);
                assertThat(fft.getShape()).isEqualTo(new Shape(b, o, g[0], g[1]));
                assertThat(maxDiff(fft, mat)).as("grid %dx%d", g[0], g[1]).isLessThan(1e-10);
            }
        }
    }

    @Test
    void gradientsAgree() {
        try (NDManager m = NDManager.newBaseManager(); SpectralConv.Constants k = new SpectralConv.Constants(m)) {
            Random r = new Random(3);
            NDArray[][] grads = new NDArray[2][];
            for (SpectralConv.Method method : SpectralConv.Method.values()) {
                Random same = new Random(4);
                NDArray v = random(m, same, 2, 3, 9, 10);
                NDArray wr = random(m, same, 2 * 2 * 3, 3, 2);
                NDArray wi = random(m, same, 2 * 2 * 3, 3, 2);
                NDArray probe = random(m, same, 2, 2, 9, 10);
                for (NDArray a : new NDArray[] {v, wr, wi}) {
                    a.setRequiresGradient(true);
                }
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray out = SpectralConv.conv2d(v, wr, wi, 2, 3, method, k);
                    gc.backward(out.mul(probe).sum());
                }
                grads[method.ordinal()] = new NDArray[] {v.getGradient(), wr.getGradient(), wi.getGradient()};
            }
            for (int i = 0; i < 3; i++) {
                assertThat(grads[0][i].getDataType()).isEqualTo(DataType.FLOAT64);
                assertThat(maxDiff(grads[0][i], grads[1][i])).isLessThan(1e-10);
            }
            r.nextInt();
        }
    }
}
