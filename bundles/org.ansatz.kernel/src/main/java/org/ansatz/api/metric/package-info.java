/**
 * Metrics: error measures of a prediction against a reference.
 */
@Export
@Version("1.0.0")
package org.ansatz.api.metric;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
