package org.ansatz.dynamics.internal;

import java.util.List;
import org.ansatz.api.dynamics.Integrator;

/** Integrators by name, for option values such as {@code integrator=leapfrog}. */
public final class Integrators {

    /** The names accepted, in listing order. */
    public static final List<String> NAMES = List.of("euler", "rk4", "dopri5", "leapfrog");

    private Integrators() {
    }

    /** @throws IllegalArgumentException naming the unknown integrator and the known ones */
    public static Integrator named(String name, double rtol, double atol) {
        return switch (name) {
            case "euler" -> new Euler();
            case "rk4" -> new Rk4();
            case "dopri5" -> new Dopri5(rtol, atol, 1_000_000);
            case "leapfrog" -> new Leapfrog();
            default -> throw new IllegalArgumentException("unknown integrator '" + name + "'; known: " + NAMES);
        };
    }
}
