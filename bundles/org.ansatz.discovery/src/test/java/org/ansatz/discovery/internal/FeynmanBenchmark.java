package org.ansatz.discovery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Recovery rate of symbolic regression on Feynman-type formulas (AI Feynman / SRSD style): each
 * formula is sampled on its variables' ranges, searched within a time budget, and counts as
 * recovered when the chosen expression's normalised error on fresh test points is below 1e-24
 * (relative error about 1e-12: exact forms reach round-off, approximations do not).
 * Run by hand (not a test):
 *
 * <pre>
 * mvn -q -o -f bundles/org.ansatz.discovery/pom.xml test-compile exec:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=org.ansatz.discovery.internal.FeynmanBenchmark \
 *   -Dexec.args="20"
 * </pre>
 *
 * Arguments: seconds per formula (default 20); optionally a name filter and the parsimony (0.0005).
 */
public final class FeynmanBenchmark {

    record Formula(String id, String truth, List<String> vars, double[][] ranges, ToDoubleFunction<double[]> f) {
    }

    static Formula f(String id, String truth, String vars, double[][] ranges, ToDoubleFunction<double[]> f) {
        return new Formula(id, truth, List.of(vars.split(",")), ranges, f);
    }

    static double[] r(double a, double b) {
        return new double[] {a, b};
    }

    static final double[] U15 = r(1, 5);

    static List<Formula> formulas() {
        List<Formula> fs = new ArrayList<>();
        fs.add(f("I.6.2a", "exp(-theta^2/2)/sqrt(2*pi)", "theta", new double[][] {r(1, 3)},
                v -> Math.exp(-v[0] * v[0] / 2) / Math.sqrt(2 * Math.PI)));
        fs.add(f("I.8.14", "sqrt((x2-x1)^2+(y2-y1)^2)", "x1,x2,y1,y2", new double[][] {U15, U15, U15, U15},
                v -> Math.sqrt((v[1] - v[0]) * (v[1] - v[0]) + (v[3] - v[2]) * (v[3] - v[2]))));
        fs.add(f("I.10.7", "m0/sqrt(1-v^2/c^2)", "m0,v,c", new double[][] {U15, r(1, 2), r(3, 10)},
                v -> v[0] / Math.sqrt(1 - v[1] * v[1] / (v[2] * v[2]))));
        fs.add(f("I.12.1", "mu*Nn", "mu,Nn", new double[][] {U15, U15}, v -> v[0] * v[1]));
        fs.add(f("I.12.2", "q1*q2/(4*pi*eps*r^2)", "q1,q2,eps,r", new double[][] {U15, U15, U15, U15},
                v -> v[0] * v[1] / (4 * Math.PI * v[2] * v[3] * v[3])));
        fs.add(f("I.12.5", "q2*Ef", "q2,Ef", new double[][] {U15, U15}, v -> v[0] * v[1]));
        fs.add(f("I.14.3", "m*g*z", "m,g,z", new double[][] {U15, U15, U15}, v -> v[0] * v[1] * v[2]));
        fs.add(f("I.14.4", "k*x^2/2", "k,x", new double[][] {U15, U15}, v -> v[0] * v[1] * v[1] / 2));
        fs.add(f("I.15.10", "m0*v/sqrt(1-v^2/c^2)", "m0,v,c", new double[][] {U15, r(1, 2), r(3, 10)},
                v -> v[0] * v[1] / Math.sqrt(1 - v[1] * v[1] / (v[2] * v[2]))));
        fs.add(f("I.16.6", "(u+v)/(1+u*v/c^2)", "c,v,u", new double[][] {U15, U15, U15},
                v -> (v[2] + v[1]) / (1 + v[2] * v[1] / (v[0] * v[0]))));
        fs.add(f("I.18.4", "(m1*r1+m2*r2)/(m1+m2)", "m1,m2,r1,r2", new double[][] {U15, U15, U15, U15},
                v -> (v[0] * v[2] + v[1] * v[3]) / (v[0] + v[1])));
        fs.add(f("I.24.6", "m*(w^2+w0^2)*x^2/4", "m,w,w0,x", new double[][] {U15, U15, U15, U15},
                v -> v[0] * (v[1] * v[1] + v[2] * v[2]) * v[3] * v[3] / 4));
        fs.add(f("I.25.13", "q/C", "q,C", new double[][] {U15, U15}, v -> v[0] / v[1]));
        fs.add(f("I.27.6", "1/(1/d1+n/d2)", "d1,d2,n", new double[][] {U15, U15, U15},
                v -> 1 / (1 / v[0] + v[2] / v[1])));
        fs.add(f("I.29.4", "w/c", "w,c", new double[][] {U15, U15}, v -> v[0] / v[1]));
        fs.add(f("I.32.5", "q^2*a^2/(6*pi*eps*c^3)", "q,a,eps,c", new double[][] {U15, U15, U15, U15},
                v -> v[0] * v[0] * v[1] * v[1] / (6 * Math.PI * v[2] * Math.pow(v[3], 3))));
        fs.add(f("I.34.8", "q*v*B/p", "q,v,B,p", new double[][] {U15, U15, U15, U15}, v -> v[0] * v[1] * v[2] / v[3]));
        fs.add(f("I.37.4", "I1+I2+2*sqrt(I1*I2)*cos(delta)", "I1,I2,delta", new double[][] {U15, U15, U15},
                v -> v[0] + v[1] + 2 * Math.sqrt(v[0] * v[1]) * Math.cos(v[2])));
        fs.add(f("I.39.1", "3/2*pF*V", "pF,V", new double[][] {U15, U15}, v -> 1.5 * v[0] * v[1]));
        fs.add(f("I.39.22", "n*kb*T/V", "n,T,V,kb", new double[][] {U15, U15, U15, U15}, v -> v[0] * v[3] * v[1] / v[2]));
        fs.add(f("I.43.31", "mob*kb*T", "mob,T,kb", new double[][] {U15, U15, U15}, v -> v[0] * v[2] * v[1]));
        fs.add(f("I.47.23", "sqrt(gamma*pr/rho)", "gamma,pr,rho", new double[][] {U15, U15, U15},
                v -> Math.sqrt(v[0] * v[1] / v[2])));
        fs.add(f("I.50.26", "x1*(cos(w*t)+alpha*cos(w*t)^2)", "x1,w,t,alpha", new double[][] {U15, U15, U15, U15},
                v -> v[0] * (Math.cos(v[1] * v[2]) + v[3] * Math.cos(v[1] * v[2]) * Math.cos(v[1] * v[2]))));
        fs.add(f("II.2.42", "kappa*(T2-T1)*A/d", "kappa,T1,T2,A,d", new double[][] {U15, U15, U15, U15, U15},
                v -> v[0] * (v[2] - v[1]) * v[3] / v[4]));
        fs.add(f("II.4.23", "q/(4*pi*eps*r)", "q,eps,r", new double[][] {U15, U15, U15},
                v -> v[0] / (4 * Math.PI * v[1] * v[2])));
        fs.add(f("II.8.31", "eps*Ef^2/2", "eps,Ef", new double[][] {U15, U15}, v -> v[0] * v[1] * v[1] / 2));
        fs.add(f("II.11.3", "q*Ef/(m*(w0^2-w^2))", "q,Ef,m,w0,w", new double[][] {U15, U15, U15, r(3, 5), r(1, 2)},
                v -> v[0] * v[1] / (v[2] * (v[3] * v[3] - v[4] * v[4]))));
        fs.add(f("II.27.18", "eps*Ef^2", "eps,Ef", new double[][] {U15, U15}, v -> v[0] * v[1] * v[1]));
        fs.add(f("III.12.43", "n*h/(2*pi)", "n,h", new double[][] {U15, U15}, v -> v[0] * v[1] / (2 * Math.PI)));
        fs.add(f("II.6.15b", "p*3*cos(theta)*sin(theta)/(4*pi*eps*r^3)", "eps,p,theta,r",
                new double[][] {U15, U15, U15, U15},
                v -> v[1] / (4 * Math.PI * v[0]) * 3 * Math.cos(v[2]) * Math.sin(v[2]) / Math.pow(v[3], 3)));
        return fs;
    }

    static double[][] sample(Formula f, int n, Random rnd, double[] yOut) {
        int d = f.vars().size();
        double[][] x = new double[d][n];
        double[] point = new double[d];
        for (int i = 0; i < n; i++) {
            for (int v = 0; v < d; v++) {
                double[] rg = f.ranges()[v];
                x[v][i] = rg[0] + (rg[1] - rg[0]) * rnd.nextDouble();
                point[v] = x[v][i];
            }
            yOut[i] = f.f().applyAsDouble(point);
        }
        return x;
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        String filter = args.length > 1 ? args[1] : "";
        double parsimony = args.length > 2 ? Double.parseDouble(args[2]) : 0.0005;
        int solved = 0;
        int total = 0;
        double time = 0;
        System.out.printf(Locale.ROOT, "%-10s %-8s %9s %10s %6s  %s%n", "formula", "solved", "test-nmse", "seconds", "gens", "found");
        for (Formula f : formulas()) {
            if (!f.id().contains(filter)) {
                continue;
            }
            Random rnd = new Random(42);
            double[] y = new double[500];
            double[][] x = sample(f, 500, rnd, y);
            double[] yt = new double[500];
            double[][] xt = sample(f, 500, rnd, yt);
            SymbolicRegression sr = new SymbolicRegression(new SymbolicRegression.Settings(250, 4, 30, parsimony, seconds,
                    Integer.MAX_VALUE, List.of("sin", "cos", "exp", "log", "sqrt"), 1, 1e-24));
            SymbolicRegression.Result res = sr.fit(x, y, f.vars());
            // the tree itself, not its printed form: printing rounds constants to 10 digits
            double[] p = res.expression().eval(xt, yt.length);
            double mean = java.util.Arrays.stream(yt).average().orElse(0);
            double num = 0;
            double den = 0;
            for (int i = 0; i < yt.length; i++) {
                num += (p[i] - yt[i]) * (p[i] - yt[i]);
                den += (yt[i] - mean) * (yt[i] - mean);
            }
            double nmse = num / den;
            boolean ok = nmse < 1e-24;
            solved += ok ? 1 : 0;
            total++;
            time += res.seconds();
            System.out.printf(Locale.ROOT, "%-10s %-8s %9.2e %10.1f %6d  %s   [truth %s]%n", f.id(), ok ? "yes" : "no", nmse,
                    res.seconds(), res.generations(), res.best(), f.truth());
        }
        System.out.printf(Locale.ROOT, "recovered %d of %d (%.0f%%) with %.0f s per formula; total search time %.0f s%n", solved,
                total, 100.0 * solved / total, seconds, time);
    }
}
