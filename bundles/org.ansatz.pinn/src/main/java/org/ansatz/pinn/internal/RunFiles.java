package org.ansatz.pinn.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Map;
import org.ansatz.api.run.AtomicFiles;

/** Writes run outputs atomically: a reader (or a crash) never sees half a file. */
final class RunFiles {

    private RunFiles() {
    }

    static void write(Path file, byte[] content) {
        AtomicFiles.write(file, content);
    }

    static void write(Path file, String text) {
        AtomicFiles.write(file, text);
    }

    /** Little-endian float64, the layout of NumPy's {@code <f8}. */
    static void writeDoubles(Path file, double[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        write(file, b.array());
    }

    /** A flat JSON object of strings, numbers, booleans and nested flat maps. */
    static String json(Map<String, ?> map) {
        StringBuilder b = new StringBuilder("{\n");
        Iterator<? extends Map.Entry<String, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, ?> e = it.next();
            b.append("  ").append(quote(e.getKey())).append(": ").append(value(e.getValue()));
            b.append(it.hasNext() ? ",\n" : "\n");
        }
        return b.append("}\n").toString();
    }

    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            // The shortest text that reads back as the same double: results compare exactly across runs.
            return Double.isFinite(d) ? d.toString() : quote(d.toString());
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof int[] a) {
            return java.util.Arrays.toString(a);
        }
        return quote(v.toString());
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
