package org.ansatz.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExprTest {

    @Test
    void parsesEvaluatesAndPrintsWithMinimalParentheses() {
        List<String> names = List.of("x", "y");
        Expr e = Expr.parse("-(x - y)*2^3^0.5 / (x*y) + sin(x)", names);
        double x = 1.3;
        double y = 0.4;
        double v = e.eval(new double[][] {{x}, {y}}, 1)[0];
        assertThat(v).isCloseTo(-(x - y) * Math.pow(2, Math.pow(3, 0.5)) / (x * y) + Math.sin(x), org.assertj.core.data.Offset.offset(1e-12));
        Expr again = Expr.parse(e.toString(), names);
        assertThat(again.eval(new double[][] {{x}, {y}}, 1)[0]).isEqualTo(v);
        assertThat(Expr.parse("x - (y - x)", names).toString()).isEqualTo("x - (y - x)");
        assertThat(Expr.parse("(x*y)*x", names).toString()).isEqualTo("x*y*x");
        assertThat(Expr.parse("x/(y*x)", names).toString()).isEqualTo("x/(y*x)");
    }

    @Test
    void errorsNameTheSymbolAndPosition() {
        assertThatThrownBy(() -> Expr.parse("x + w", List.of("x"))).hasMessageContaining("unknown symbol 'w'")
                .hasMessageContaining("position 4");
        assertThatThrownBy(() -> Expr.parse("foo(x)", List.of("x"))).hasMessageContaining("unknown function 'foo'");
        assertThatThrownBy(() -> Expr.parse("(x", List.of("x"))).hasMessageContaining("missing ')'");
    }

    @Test
    void constantFoldingCollapsesVariableFreeSubtrees() {
        Expr e = SymbolicRegression.fold(Expr.parse("x*(2 + 3*sqrt(4))", List.of("x")));
        assertThat(e.toString()).isEqualTo("x*8");
    }
}
