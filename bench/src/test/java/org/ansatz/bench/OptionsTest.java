package org.ansatz.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void defaultsRunEveryCaseButAccuracyIntoATimestampedDirectoryUnderRuns() {
        Options o = Options.parse(List.of(), REPO);
        assertThat(o.quick()).isFalse();
        assertThat(o.cases()).containsExactlyInAnyOrder("steps", "order", "laplacian", "memory", "startup", "tta");
        assertThat(o.runs("accuracy")).isFalse();
        assertThat(o.problems()).isEmpty();
        assertThat(o.seeds()).containsExactly(0, 1, 2);
        assertThat(o.out().getParent()).isEqualTo(REPO.resolve("runs"));
        assertThat(o.out().getFileName().toString()).startsWith("bench-");
        assertThat(o.stepRepeats()).isEqualTo(30);
        assertThat(o.processRepeats()).isEqualTo(5);
    }

    @Test
    void optionsAreRead() {
        Options o = Options.parse(List.of("--quick", "--out", "x", "--cases", "steps,tta", "--threads", "1",
                "--tta-set", "adam.steps=50", "--tta-set", "lbfgs.iterations=20", "--tta-repeats", "2"), REPO);
        assertThat(o.quick()).isTrue();
        assertThat(o.out()).isEqualTo(Path.of("x"));
        assertThat(o.cases()).containsExactlyInAnyOrder("steps", "tta");
        assertThat(o.runs("memory")).isFalse();
        assertThat(o.threads()).isEqualTo(1);
        assertThat(o.ttaSettings()).containsExactly("adam.steps=50", "lbfgs.iterations=20");
        assertThat(o.ttaRepeats()).isEqualTo(2);
        assertThat(o.stepRepeats()).isEqualTo(10);
        assertThat(o.processRepeats()).isEqualTo(3);
        Options a = Options.parse(List.of("--cases", "accuracy", "--problems", "burgers, lorenz-inverse", "--seeds", "3,4"),
                REPO);
        assertThat(a.cases()).containsExactly("accuracy");
        assertThat(a.problems()).containsExactly("burgers", "lorenz-inverse");
        assertThat(a.seeds()).containsExactly(3, 4);
    }

    @Test
    void explicitRepeatsWinButProcessRepeatsStayAtMostFive() {
        Options o = Options.parse(List.of("--repeats", "40"), REPO);
        assertThat(o.stepRepeats()).isEqualTo(40);
        assertThat(o.processRepeats()).isEqualTo(5);
    }

    @Test
    void badArgumentsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> Options.parse(List.of("--cases", "step"), REPO)).hasMessageContaining("unknown case 'step'");
        assertThatThrownBy(() -> Options.parse(List.of("--repeats", "0"), REPO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> Options.parse(List.of("--out"), REPO)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse(List.of("--tta-set", "x"), REPO)).hasMessageContaining("key=value");
        assertThatThrownBy(() -> Options.parse(List.of("--fast"), REPO)).hasMessageContaining("usage");
        assertThatThrownBy(() -> Options.parse(List.of("--seeds", "0,x"), REPO)).hasMessageContaining("--seeds needs integers");
    }
}
