/**
 * The tensor engine (DJL with PyTorch) as the kernel provides it to plug-ins.
 */
@Export
@Version("1.1.0")
package org.ansatz.api.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
