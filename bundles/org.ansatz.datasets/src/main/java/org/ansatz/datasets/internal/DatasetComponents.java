package org.ansatz.datasets.internal;

import org.ansatz.api.data.DatasetProvider;
import org.ansatz.api.method.AnsatzMethod;
import org.osgi.service.component.annotations.Component;

/** The generated dataset families as Declarative Services components. */
public final class DatasetComponents {

    private DatasetComponents() {
    }

    @Component(service = DatasetProvider.class)
    @AnsatzMethod(name = "burgers", description = "Burgers 1D periodic, nu=0.1: GRF initial condition -> u(., t=1) (FNO paper), ETDRK4")
    public static final class BurgersDatasets extends GeneratorProvider {
        @Override
        Generator generator() {
            return new Generators.Burgers();
        }
    }

    @Component(service = DatasetProvider.class)
    @AnsatzMethod(name = "darcy", description = "Darcy flow on the unit square: thresholded-GRF permeability -> pressure (FNO paper), banded Cholesky")
    public static final class DarcyDatasets extends GeneratorProvider {
        @Override
        Generator generator() {
            return new Generators.Darcy();
        }
    }

    @Component(service = DatasetProvider.class)
    @AnsatzMethod(name = "advection", description = "Linear advection 1D periodic: sum of sines -> u(., t) (PDEBench-style), exact spectral shift")
    public static final class AdvectionDatasets extends GeneratorProvider {
        @Override
        Generator generator() {
            return new Generators.Advection();
        }
    }

    @Component(service = DatasetProvider.class)
    @AnsatzMethod(name = "diffusion-reaction", description = "Fisher-KPP diffusion-reaction 1D periodic (PDEBench-style), Strang splitting")
    public static final class DiffusionReactionDatasets extends GeneratorProvider {
        @Override
        Generator generator() {
            return new Generators.DiffusionReaction();
        }
    }
}
