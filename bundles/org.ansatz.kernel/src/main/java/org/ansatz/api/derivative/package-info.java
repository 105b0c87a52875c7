/**
 * Input derivatives of models: Taylor-mode jets (forward propagation of exactly the derivative
 * streams a residual needs, one matmul per linear layer, Faà di Bruno for elementwise functions,
 * Leibniz for products) and nested reverse mode as the independent second engine.
 */
@Export
@Version("1.0.0")
package org.ansatz.api.derivative;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
