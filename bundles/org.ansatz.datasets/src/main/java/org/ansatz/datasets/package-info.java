/**
 * Function datasets for operator learning: input and output functions sampled on grids, the
 * equation that relates them and its reference solver. Generators and loaders register as the
 * kernel's {@link org.ansatz.api.data.DatasetProvider}s; the datasets they open implement
 * {@link org.ansatz.datasets.FunctionDataset}.
 */
@Export
@Version("1.0.0")
package org.ansatz.datasets;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
