/**
 * Models: networks and other parametrised maps from inputs to outputs, created by factories that plug-ins register.
 */
@Export
@Version("1.2.0")
package org.ansatz.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
