package org.ansatz.api.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npy} (format version 1.0) and {@code .npz} files: what {@code numpy.load} reads, for
 * exports and checkpoints. Arrays are C-ordered, little-endian {@code <f8}, {@code <i8}, {@code <i4}
 * or {@code |b1}.
 */
public final class NumpyFiles {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NumpyFiles() {
    }

    /**
     * An array: its NumPy type, its shape and its elements in C order.
     *
     * @param dtype {@code <f8}, {@code <i8}, {@code <i4} or {@code |b1}
     * @param shape the dimensions; empty for a scalar
     * @param data  {@code double[]}, {@code long[]}, {@code int[]} or {@code boolean[]} matching the dtype
     */
    public record Array(String dtype, int[] shape, Object data) {

        public Array {
            shape = shape.clone();
            long n = 1;
            for (int s : shape) {
                if (s < 0) {
                    throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
                }
                n *= s;
            }
            int length = switch (dtype) {
                case "<f8" -> ((double[]) data).length;
                case "<i8" -> ((long[]) data).length;
                case "<i4" -> ((int[]) data).length;
                case "|b1" -> ((boolean[]) data).length;
                default -> throw new IllegalArgumentException("unsupported dtype " + dtype);
            };
            if (length != n) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " elements, got "
                        + length);
            }
        }

        public static Array of(double[] data, int... shape) {
            return new Array("<f8", shape.length == 0 ? new int[] {data.length} : shape, data);
        }

        public static Array of(long[] data, int... shape) {
            return new Array("<i8", shape.length == 0 ? new int[] {data.length} : shape, data);
        }

        public static Array of(int[] data, int... shape) {
            return new Array("<i4", shape.length == 0 ? new int[] {data.length} : shape, data);
        }

        public static Array of(boolean[] data, int... shape) {
            return new Array("|b1", shape.length == 0 ? new int[] {data.length} : shape, data);
        }

        /** The elements as doubles, whatever the dtype. */
        public double[] doubles() {
            return switch (dtype) {
                case "<f8" -> ((double[]) data).clone();
                case "<i8" -> Arrays.stream((long[]) data).asDoubleStream().toArray();
                case "<i4" -> Arrays.stream((int[]) data).asDoubleStream().toArray();
                default -> {
                    boolean[] b = (boolean[]) data;
                    double[] out = new double[b.length];
                    for (int i = 0; i < b.length; i++) {
                        out[i] = b[i] ? 1 : 0;
                    }
                    yield out;
                }
            };
        }
    }

    /** The bytes of a {@code .npy} file holding the array. */
    public static byte[] npy(Array a) {
        StringBuilder shape = new StringBuilder("(");
        for (int i = 0; i < a.shape().length; i++) {
            shape.append(a.shape()[i]).append(a.shape().length == 1 ? "," : i + 1 < a.shape().length ? ", " : "");
        }
        shape.append(')');
        String dict = "{'descr': '" + a.dtype() + "', 'fortran_order': False, 'shape': " + shape + ", }";
        // Magic, version, length, dict and the closing newline end on a multiple of 64 bytes, so that
        // the data are aligned for memory mapping, as NumPy itself writes them.
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String header = dict + " ".repeat(total - unpadded) + "\n";
        int width = switch (a.dtype()) {
            case "<f8", "<i8" -> 8;
            case "<i4" -> 4;
            default -> 1;
        };
        int n = java.lang.reflect.Array.getLength(a.data());
        ByteBuffer b = ByteBuffer.allocate(total + n * width).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        switch (a.dtype()) {
            case "<f8" -> b.asDoubleBuffer().put((double[]) a.data());
            case "<i8" -> b.asLongBuffer().put((long[]) a.data());
            case "<i4" -> b.asIntBuffer().put((int[]) a.data());
            default -> {
                for (boolean v : (boolean[]) a.data()) {
                    b.put((byte) (v ? 1 : 0));
                }
            }
        }
        return b.array();
    }

    /** The bytes of a {@code .npz} file (a zip archive of {@code <name>.npy} entries), in the map's order. */
    public static byte[] npz(Map<String, Array> arrays) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, Array> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(npy(e.getValue()));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Parses a {@code .npy} file's bytes.
     *
     * @throws IllegalArgumentException when they are not a C-ordered array of a supported dtype
     */
    public static Array readNpy(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new IllegalArgumentException("not a .npy file (no \\x93NUMPY magic)");
        }
        int major = bytes[6];
        b.position(8);
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
        String header = new String(bytes, b.position(), headerLength, StandardCharsets.ISO_8859_1);
        b.position(b.position() + headerLength);
        Matcher descr = DESCR.matcher(header);
        Matcher order = ORDER.matcher(header);
        Matcher shapeText = SHAPE.matcher(header);
        if (!descr.find() || !order.find() || !shapeText.find()) {
            throw new IllegalArgumentException("malformed .npy header: " + header.trim());
        }
        if (order.group(1).equals("True")) {
            throw new IllegalArgumentException("Fortran-ordered .npy arrays are not supported");
        }
        int[] shape = Arrays.stream(shapeText.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        int n = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        String dtype = descr.group(1);
        Object data = switch (dtype) {
            case "<f8" -> {
                double[] d = new double[n];
                b.asDoubleBuffer().get(d);
                yield d;
            }
            case "<i8" -> {
                long[] d = new long[n];
                b.asLongBuffer().get(d);
                yield d;
            }
            case "<i4" -> {
                int[] d = new int[n];
                b.asIntBuffer().get(d);
                yield d;
            }
            case "|b1" -> {
                boolean[] d = new boolean[n];
                for (int i = 0; i < n; i++) {
                    d[i] = b.get() != 0;
                }
                yield d;
            }
            default -> throw new IllegalArgumentException("unsupported .npy dtype " + dtype);
        };
        return new Array(dtype, shape, data);
    }

    /** Reads every array of a {@code .npz} file, by name without {@code .npy}, in archive order. */
    public static Map<String, Array> readNpz(Path file) {
        Map<String, Array> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4)
                        : e.getName();
                try {
                    out.put(name, readNpy(zip.readAllBytes()));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException(file + ", entry " + e.getName() + ": " + bad.getMessage(), bad);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }
}
