package org.ansatz.datasets.internal;

import java.nio.file.Path;
import java.util.Map;
import org.ansatz.api.data.DatasetProvider;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.method.Options;
import org.ansatz.datasets.FunctionDataset;
import org.osgi.service.component.annotations.Component;

/** Datasets read from files: Ansatz's own layout and PDEBench's. */
public final class FileComponents {

    private FileComponents() {
    }

    /** Options: {@code file} (required), {@code n} (at most this many samples). */
    @Component(service = DatasetProvider.class)
    @AnsatzMethod(name = "npz", description = "A dataset file in Ansatz's NPZ layout (written by 'dataset generate')")
    public static final class NpzDatasets implements DatasetProvider {
        @Override
        public FunctionDataset open(Map<String, Object> options) {
            Options o = new Options(options);
            String file = o.string("file", null);
            int n = o.integer("n", 0, 0);
            o.checkAllRead("dataset npz");
            if (file == null) {
                throw new IllegalArgumentException("dataset npz needs file=PATH");
            }
            return new ArrayDataset(DatasetFiles.read(Path.of(file), n));
        }
    }

    /** Options: {@code file}, {@code n}, {@code sub}, {@code t-index}, {@code periodic}, {@code equation}. */
    @Component(service = DatasetProvider.class)
    @AnsatzMethod(name = "pdebench", description = "PDEBench files (HDF5 or NPZ): initial condition or Darcy coefficient -> solution")
    public static final class PdeBenchDatasets implements DatasetProvider {
        @Override
        public FunctionDataset open(Map<String, Object> options) {
            return new ArrayDataset(PdeBench.load(new Options(options)));
        }
    }
}
