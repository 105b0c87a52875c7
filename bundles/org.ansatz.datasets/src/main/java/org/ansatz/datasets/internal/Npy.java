package org.ansatz.datasets.internal;

import java.io.DataInputStream;
import java.io.EOFException;
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
import org.ansatz.api.run.NumpyFiles;

/**
 * Reading {@code .npy} entries of {@code .npz} files beyond what the kernel's {@link NumpyFiles} reads:
 * single precision ({@code <f4}, PDEBench stores floats), unicode scalars ({@code <U}, the dataset
 * layout's equation name), and headers alone, so that {@link PdeBench} can stream a selection of
 * samples from an archive larger than memory. Writing stays with {@link NumpyFiles}, except unicode
 * scalars.
 */
final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** An entry's header: NumPy type and shape. */
    record Header(String dtype, int[] shape) {

        long count() {
            long n = 1;
            for (int s : shape) {
                n *= s;
            }
            return n;
        }

        int itemSize() {
            return switch (dtype) {
                case "<f8", "<i8" -> 8;
                case "<f4", "<i4" -> 4;
                case "|b1", "|u1", "|i1" -> 1;
                default -> {
                    if (dtype.startsWith("<U")) {
                        yield 4 * Integer.parseInt(dtype.substring(2));
                    }
                    throw new IllegalArgumentException("unsupported .npy dtype " + dtype
                            + " (supported: <f8, <f4, <i8, <i4, |b1, <U)");
                }
            };
        }
    }

    static Header header(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] magic = new byte[6];
        d.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException("not a .npy array (no \\x93NUMPY magic)");
        }
        int major = d.readUnsignedByte();
        d.readUnsignedByte();
        byte[] lengthBytes = new byte[major == 1 ? 2 : 4];
        d.readFully(lengthBytes);
        ByteBuffer lb = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        int length = major == 1 ? Short.toUnsignedInt(lb.getShort()) : lb.getInt();
        byte[] text = new byte[length];
        d.readFully(text);
        String header = new String(text, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher order = ORDER.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !order.find() || !shape.find()) {
            throw new IllegalArgumentException("malformed .npy header: " + header.trim());
        }
        if (order.group(1).equals("True")) {
            throw new IllegalArgumentException("Fortran-ordered arrays are not supported; save with C order");
        }
        int[] dims = Arrays.stream(shape.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        Header h = new Header(descr.group(1), dims);
        h.itemSize();
        return h;
    }

    /** Decodes {@code count} numbers of a numeric dtype into doubles. */
    static double[] decode(byte[] bytes, String dtype, int count) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[count];
        switch (dtype) {
            case "<f8" -> b.asDoubleBuffer().get(out);
            case "<f4" -> {
                for (int i = 0; i < count; i++) {
                    out[i] = b.getFloat();
                }
            }
            case "<i8" -> {
                for (int i = 0; i < count; i++) {
                    out[i] = b.getLong();
                }
            }
            case "<i4" -> {
                for (int i = 0; i < count; i++) {
                    out[i] = b.getInt();
                }
            }
            case "|b1", "|u1" -> {
                for (int i = 0; i < count; i++) {
                    out[i] = b.get() & 0xff;
                }
            }
            case "|i1" -> {
                for (int i = 0; i < count; i++) {
                    out[i] = b.get();
                }
            }
            default -> throw new IllegalArgumentException("not a numeric dtype: " + dtype);
        }
        return out;
    }

    /**
     * Every entry of a small archive: numeric arrays as {@link NumpyFiles.Array} of doubles (or
     * {@code <i8}/{@code |b1} as stored), unicode scalars as {@link String}.
     */
    static Map<String, Object> readAll(Path file) {
        Map<String, Object> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = strip(e.getName());
                try {
                    Header h = header(zip);
                    byte[] data = readFully(zip, Math.multiplyExact(h.count(), (long) h.itemSize()));
                    if (h.dtype().startsWith("<U")) {
                        out.put(name, unicode(data, h));
                    } else if (h.dtype().equals("<i8")) {
                        long[] v = new long[(int) h.count()];
                        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(v);
                        out.put(name, new NumpyFiles.Array("<i8", h.shape(), v));
                    } else if (h.dtype().equals("|b1")) {
                        boolean[] v = new boolean[(int) h.count()];
                        for (int i = 0; i < v.length; i++) {
                            v[i] = data[i] != 0;
                        }
                        out.put(name, new NumpyFiles.Array("|b1", h.shape(), v));
                    } else {
                        out.put(name, new NumpyFiles.Array("<f8", h.shape(), decode(data, h.dtype(), (int) h.count())));
                    }
                } catch (IllegalArgumentException | EOFException bad) {
                    throw new IllegalArgumentException(file + ", entry " + e.getName() + ": " + bad.getMessage(), bad);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Headers of every entry, without reading the data. */
    static Map<String, Header> headers(Path file) {
        Map<String, Header> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                try {
                    out.put(strip(e.getName()), header(zip));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException(file + ", entry " + e.getName() + ": " + bad.getMessage(), bad);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The bytes of a {@code .npy} unicode scalar, which {@link NumpyFiles} does not write. */
    static byte[] unicodeScalar(String value) {
        int[] cps = value.codePoints().toArray();
        int length = Math.max(1, cps.length);
        String dict = "{'descr': '<U" + length + "', 'fortran_order': False, 'shape': (), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String header = dict + " ".repeat(total - unpadded) + "\n";
        ByteBuffer b = ByteBuffer.allocate(total + 4 * length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        for (int cp : cps) {
            b.putInt(cp);
        }
        return b.array();
    }

    private static String unicode(byte[] data, Header h) {
        if (h.count() != 1) {
            throw new IllegalArgumentException("only unicode scalars are supported, got shape "
                    + Arrays.toString(h.shape()));
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder s = new StringBuilder();
        while (b.remaining() >= 4) {
            int cp = b.getInt();
            if (cp == 0) {
                break;
            }
            s.appendCodePoint(cp);
        }
        return s.toString();
    }

    private static byte[] readFully(InputStream in, long n) throws IOException {
        if (n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("an entry of " + n + " bytes is too large to read whole");
        }
        byte[] b = in.readNBytes((int) n);
        if (b.length != n) {
            throw new EOFException("truncated .npy data: expected " + n + " bytes, found " + b.length);
        }
        return b;
    }

    private static String strip(String name) {
        return name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
    }
}
