/**
 * Dynamics learners: vector fields over DJL tensors, differentiable integrators, benchmark
 * dynamical systems with trusted generators, learners (neural ODEs, Hamiltonian and Lagrangian
 * networks, hybrid physics models, Koopman/EDMD) and forecasting metrics. Integrators, systems and
 * learners are services with {@code ansatz.name}, so other families can build on them by name.
 */
@Export
@Version("1.0.0")
package org.ansatz.api.dynamics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
