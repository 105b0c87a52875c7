/**
 * Datasets: named fields of samples, for operator learning, equation discovery and observations.
 */
@Export
@Version("1.0.0")
package org.ansatz.api.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
