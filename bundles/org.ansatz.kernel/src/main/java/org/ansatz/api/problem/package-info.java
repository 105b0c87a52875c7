/**
 * Problems: what is to be solved, with inputs, outputs, defaults and a reference to measure against.
 */
@Export
@Version("1.0.0")
package org.ansatz.api.problem;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
