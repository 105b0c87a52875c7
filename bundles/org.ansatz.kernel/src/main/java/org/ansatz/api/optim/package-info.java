/**
 * Optimizers over a flat parameter vector: first-order methods (one objective evaluation per step)
 * and line-search methods (several). The objective exposes its loss terms so that methods such as
 * MultiAdam can use per-term gradients.
 */
@Export
@Version("1.0.0")
package org.ansatz.api.optim;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
