package org.example.ansatz.siren;

import ai.djl.ndarray.NDManager;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.method.Options;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.model.ModelSpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Registers the model {@code siren}. {@link AnsatzMethod} gives the name users type; the metatype
 * below documents the options ({@code methods --details siren}) and lets ConfigAdmin change their
 * defaults (a file {@code plugins/org.example.ansatz.siren.cfg}); a run's {@code --set model.KEY=V}
 * wins over both.
 */
@Component(service = ModelFactory.class, configurationPid = SirenFactory.PID)
@Designate(ocd = SirenFactory.Config.class)
@AnsatzMethod(name = "siren", description = "SIREN: sine activations with frequency-aware init (Sitzmann et al. 2020)")
public class SirenFactory implements ModelFactory {

    static final String PID = "org.example.ansatz.siren";

    @ObjectClassDefinition(name = "SIREN model", description = "Defaults for the model.* options of runs with model siren")
    public @interface Config {
        @AttributeDefinition(description = "Neurons per hidden layer")
        int width() default 32;

        @AttributeDefinition(description = "Number of hidden layers")
        int depth() default 3;

        @AttributeDefinition(description = "Frequency factor omega0 of the first layer (30 in the paper for "
                + "images; a few units suit PDE solutions on unit domains)")
        double omega0() default 3.0;
    }

    private volatile Config defaults;

    @Activate
    @Modified
    void configure(Config config) {
        this.defaults = config;
    }

    @Override
    public Model create(ModelSpec spec, NDManager manager) {
        Config d = defaults;
        Options o = new Options(spec.options(), "model.");
        int width = o.integer("width", d == null ? 32 : d.width(), 1);
        int depth = o.integer("depth", d == null ? 3 : d.depth(), 1);
        double omega0 = o.real("omega0", d == null ? 3.0 : d.omega0(), 1e-6);
        o.checkAllRead("model siren");
        return new Siren(spec, manager, width, depth, omega0);
    }
}
