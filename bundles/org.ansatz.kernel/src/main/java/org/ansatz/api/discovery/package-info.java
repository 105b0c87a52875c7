/**
 * Equation discovery: governing equations learned from observed trajectories or fields (sparse
 * regression, sparse Bayesian regression, model-error discovery, symbolic regression). Methods are
 * {@link org.ansatz.api.discovery.Discoverer} services registered with {@code ansatz.name}.
 */
@Export
@Version("1.0.0")
package org.ansatz.api.discovery;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
