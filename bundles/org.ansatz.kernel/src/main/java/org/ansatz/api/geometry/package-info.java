/**
 * Geometries: membership, signed distance, interior and boundary sampling with outward normals, and
 * smooth distance functions as jets for hard constraints (R-functions for set operations).
 */
@Export
@Version("1.0.0")
package org.ansatz.api.geometry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
