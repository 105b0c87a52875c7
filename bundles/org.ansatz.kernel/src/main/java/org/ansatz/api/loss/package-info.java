/**
 * Losses: reductions of pointwise errors or residuals to a scalar objective.
 */
@Export
@Version("1.0.0")
package org.ansatz.api.loss;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
