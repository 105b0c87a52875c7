package org.ansatz.api.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes run outputs so that a reader, or a crash, never sees half a file: the content goes to a
 * temporary file beside the target, which is then moved over it. Every family writes checkpoints and
 * results through this.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Replaces {@code file} with {@code content}, creating parent directories.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void write(Path file, byte[] content) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            // A unique sibling, created with the default permissions the target would get (createTempFile
            // would make it owner-only).
            tmp = target.resolveSibling(target.getFileName() + "." + Long.toHexString(System.nanoTime())
                    + Thread.currentThread().getId() + ".tmp");
            Files.write(tmp, content, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // only a leftover temporary file; the error that matters was thrown above
                }
            }
        }
    }

    /** Replaces {@code file} with {@code text} in UTF-8. */
    public static void write(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
