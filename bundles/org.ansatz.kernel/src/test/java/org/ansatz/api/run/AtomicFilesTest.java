package org.ansatz.api.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path tmp;

    @Test
    void replacesContentLeavesNoTemporaryFileAndKeepsOrdinaryPermissions() throws Exception {
        Path file = tmp.resolve("a/b/metrics.json");
        AtomicFiles.write(file, "{\"x\": 1}");
        AtomicFiles.write(file, "{\"x\": 2}");
        assertThat(Files.readString(file)).isEqualTo("{\"x\": 2}");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
        // Same permissions as a file written the ordinary way (temporary files would be owner-only).
        Path plain = tmp.resolve("plain");
        Files.writeString(plain, "x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)));
    }

    @Test
    void aFailureNamesTheFileAndKeepsTheOldContent() throws Exception {
        Path file = tmp.resolve("kept.txt");
        AtomicFiles.write(file, "old");
        Path dirInTheWay = tmp.resolve("kept.txt.dir");
        Files.createDirectories(dirInTheWay.resolve("x"));
        assertThatThrownBy(() -> AtomicFiles.write(dirInTheWay, "new")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("kept.txt.dir");
        assertThat(Files.readString(file)).isEqualTo("old");
    }
}
