/**
 * Samplers: point sets in the unit cube that geometries map into their domains.
 */
@Export
@Version("1.0.0")
package org.ansatz.api.sampler;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
