/**
 * Solvers: method families that turn a problem into a solution (physics-informed networks, GP solvers, equation discovery, ...).
 */
@Export
@Version("1.0.0")
package org.ansatz.api.solver;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
