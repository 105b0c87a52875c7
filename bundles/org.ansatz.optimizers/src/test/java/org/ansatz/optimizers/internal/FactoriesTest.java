package org.ansatz.optimizers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ansatz.api.optim.OptimizerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactoriesTest {

    private static OptimizerFactory factory(String name) {
        Map<String, Supplier<OptimizerFactory>> all = Map.of("adam", AdamFactory::new, "adamw", AdamWFactory::new,
                "lbfgs", LbfgsFactory::new, "multiadam", MultiAdamFactory::new);
        return all.get(name).get();
    }

    @ParameterizedTest
    @CsvSource({"adam, weight_decay", "adamw, betas", "lbfgs, beta1", "multiadam, history"})
    void unknownOptionsAreRejectedByName(String name, String unknown) {
        assertThatThrownBy(() -> factory(name).create(4, Map.of(unknown, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("optimizer." + unknown).hasMessageContaining("optimizer " + name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "adam      | beta1        | 1     | optimizer.beta1 must be a number in [0, 1), got '1'",
        "adam      | beta2        | -0.1  | optimizer.beta2 must be a number in [0, 1), got '-0.1'",
        "adam      | eps          | -1    | optimizer.eps",
        "adamw     | weight_decay | -0.01 | optimizer.weight_decay",
        "lbfgs     | history      | 0     | optimizer.history must be an integer >= 1, got '0'",
        "lbfgs     | tolerance    | x     | optimizer.tolerance",
        "multiadam | beta1        | one   | optimizer.beta1 must be a number in [0, 1), got 'one'",
        "multiadam | groups       | 'a,,b' | optimizer.groups must be distinct comma-separated loss term names, got 'a,,b'",
        "multiadam | groups       | 'a,a' | optimizer.groups"})
    void badValuesAreRejectedNamingKeyAndValue(String name, String key, String value, String message) {
        assertThatThrownBy(() -> factory(name).create(4, Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void withoutConfigurationTheDefaultsAreTheMetatypeDefaults() {
        Adam adam = (Adam) new AdamFactory().create(1, Map.of());
        assertThat(List.of(adam.beta1, adam.beta2, adam.eps, adam.weightDecay)).containsExactly(0.9, 0.999, 1e-8, 0.0);
        assertThat(List.<Object>of(adam.beta1, adam.beta2, adam.eps)).containsExactly(
                Configs.defaultOf(AdamFactory.Config.class, "beta1"),
                Configs.defaultOf(AdamFactory.Config.class, "beta2"),
                Configs.defaultOf(AdamFactory.Config.class, "eps"));

        Adam adamw = (Adam) new AdamWFactory().create(1, Map.of());
        assertThat(adamw.weightDecay).isEqualTo(0.01)
                .isEqualTo(Configs.defaultOf(AdamWFactory.Config.class, "weight__decay"));

        Lbfgs lbfgs = (Lbfgs) new LbfgsFactory().create(1, Map.of());
        assertThat(lbfgs.history).isEqualTo(50).isEqualTo(Configs.defaultOf(LbfgsFactory.Config.class, "history"));
        assertThat(lbfgs.tolerance).isZero().isEqualTo(Configs.defaultOf(LbfgsFactory.Config.class, "tolerance"));

        MultiAdam multi = (MultiAdam) new MultiAdamFactory().create(1, Map.of());
        assertThat(List.of(multi.beta1, multi.beta2, multi.eps)).containsExactly(0.99, 0.99, 1e-8);
        assertThat(multi.beta1).isEqualTo(Configs.defaultOf(MultiAdamFactory.Config.class, "beta1"));
        assertThat(multi.named).isEmpty();
    }

    @Test
    void configurationSetsDefaultsThatOptionsOverride() {
        AdamFactory adamFactory = new AdamFactory();
        adamFactory.activate(Configs.of(AdamFactory.Config.class, Map.of("beta1", 0.5, "beta2", 0.6, "eps", 1e-3)));
        Adam adam = (Adam) adamFactory.create(1, Map.of("beta1", "0.7"));
        assertThat(List.of(adam.beta1, adam.beta2, adam.eps)).containsExactly(0.7, 0.6, 1e-3);

        AdamWFactory adamwFactory = new AdamWFactory();
        adamwFactory.activate(Configs.of(AdamWFactory.Config.class, Map.of("weight__decay", 0.2, "beta2", 0.9)));
        Adam adamw = (Adam) adamwFactory.create(1, Map.of());
        assertThat(List.of(adamw.beta1, adamw.beta2, adamw.weightDecay)).containsExactly(0.9, 0.9, 0.2);
        assertThat(((Adam) adamwFactory.create(1, Map.of("weight_decay", 0))).weightDecay).isZero();

        LbfgsFactory lbfgsFactory = new LbfgsFactory();
        lbfgsFactory.activate(Configs.of(LbfgsFactory.Config.class, Map.of("history", 7, "tolerance", 1e-4)));
        Lbfgs lbfgs = (Lbfgs) lbfgsFactory.create(1, Map.of("history", 9));
        assertThat(lbfgs.history).isEqualTo(9);
        assertThat(lbfgs.tolerance).isEqualTo(1e-4);

        MultiAdamFactory multiFactory = new MultiAdamFactory();
        multiFactory.activate(Configs.of(MultiAdamFactory.Config.class,
                Map.of("beta1", 0.9, "eps", 0.0, "groups", "pde")));
        MultiAdam multi = (MultiAdam) multiFactory.create(1, Map.of("beta2", 0.999));
        assertThat(List.of(multi.beta1, multi.beta2, multi.eps)).containsExactly(0.9, 0.999, 0.0);
        assertThat(multi.named).containsExactly("pde");
        assertThat(((MultiAdam) multiFactory.create(1, Map.of("groups", ""))).named).isEmpty();
    }

    @Test
    void aBadConfigurationIsRejectedNamingThePidAndKey() {
        assertThatThrownBy(() -> new AdamFactory().activate(Configs.of(AdamFactory.Config.class, Map.of("beta1", 1.0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("org.ansatz.optimizer.adam:beta1").hasMessageContaining("'1.0'");
        assertThatThrownBy(() -> new LbfgsFactory().activate(Configs.of(LbfgsFactory.Config.class, Map.of("history", 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("org.ansatz.optimizer.lbfgs:history");
    }
}
