package org.ansatz.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import org.ansatz.api.discovery.Discovery;
import org.ansatz.api.discovery.Equation;
import org.ansatz.api.discovery.Term;
import org.junit.jupiter.api.Test;

class ComponentsTest {

    private static SindyMethod.Config config(String... options) {
        return new SindyMethod.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SindyMethod.Config.class;
            }

            @Override
            public String[] options() {
                return options;
            }
        };
    }

    @Test
    void configuredDefaultsApplyAndCallOptionsOverrideThem() {
        SindyMethod m = new SindyMethod();
        m.activate(config("library.degree=1"));
        Discovery linear = m.discover(Systems.lorenz(1500, 0.002), Map.of());
        // degree 1 cannot hold x*z: the fit is poor and the product term absent
        assertThat(linear.equation("y_t").orElseThrow().terms()).extracting(Term::name).doesNotContain("x*z");
        Discovery quadratic = m.discover(Systems.lorenz(1500, 0.002), Map.of("library.degree", "2"));
        assertThat(quadratic.equation("y_t").orElseThrow().coefficient("x*z")).isCloseTo(-1, org.assertj.core.data.Offset.offset(1e-4));
        assertThatThrownBy(() -> m.activate(config("degree"))).hasMessageContaining("key=value");
    }

    @Test
    void resultsRenderAsTextCsvAndEscapedJson() {
        Discovery d = new Discovery("x", List.of(new Equation("u_t", "-1*u*u_x", List.of(new Term("u*u_x", -1, 0.01)),
                List.of())), Map.of("r2.u", 0.99));
        assertThat(Results.text(d)).contains("u_t = -1*u*u_x").contains("+- 0.01");
        assertThat(Results.csv(d)).isEqualTo("equation,term,coefficient,std_error\nu_t,u*u_x,-1.0,0.01\n");
        assertThat(Results.json(d, Map.of("note", "a \"quoted\"\nline"))).contains("\"a \\\"quoted\\\"\\nline\"")
                .contains("\"r2.u\": 0.99");
    }
}
