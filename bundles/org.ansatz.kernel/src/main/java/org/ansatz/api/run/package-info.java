/**
 * Runs: solving a problem the way {@code ansatz:solve} does, from any host (the shell, an embedded
 * framework, plain-classpath wiring), so that the same spec and seed give the same result everywhere.
 */
@Export
@Version("1.1.0")
package org.ansatz.api.run;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
