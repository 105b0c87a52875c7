/**
 * Loss balancing: how the terms of a physics-informed loss (residual, boundary, initial, data) are
 * weighted or combined into one update direction.
 */
@Export
@Version("1.0.0")
package org.ansatz.api.balance;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
