/**
 * Differential-equation problems as physics-informed solvers see them: a box domain over the inputs
 * (time included), equation residuals computed from output jets, conditions, and an optional output
 * transform that satisfies conditions exactly (hard constraints).
 */
@Export
@Version("1.2.0")
package org.ansatz.api.pde;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
