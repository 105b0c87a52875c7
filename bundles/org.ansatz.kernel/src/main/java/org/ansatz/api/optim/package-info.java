/**
 * Optimizers: first-order and quasi-Newton updates of model parameters.
 */
@Export
@Version("1.0.0")
package org.ansatz.api.optim;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
