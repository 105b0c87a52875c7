/**
 * Method registry: every plug-in service carries {@code ansatz.name} and is found here by kind and name.
 */
@Export
@Version("1.2.0")
package org.ansatz.api.method;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
