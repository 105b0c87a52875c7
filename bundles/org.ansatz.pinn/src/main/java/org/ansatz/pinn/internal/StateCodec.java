package org.ansatz.pinn.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.run.Checkpointable;
import org.ansatz.api.run.NumpyFiles;

/**
 * Saves and restores the training state of plug-in objects (optimizers, balancers, resamplers) as a
 * JSON tree whose arrays live in an NPZ archive. Objects implementing {@link Checkpointable} say what
 * their state is; others are saved field by field when every field is plain data (numbers, strings,
 * enums, primitive arrays, lists, deques, string-keyed maps, records, nested plain objects) and
 * restored into an object the plug-in's factory created afresh with the same options. Anything else
 * (a random generator of the JDK, a tensor, a service) cannot be saved this way: {@link #save} then
 * throws, naming the field, and the run is checkpointed without being resumable.
 *
 * <p>Doubles survive bit for bit: JSON numbers are written as the shortest decimal that reads back as
 * the same double, non-finite ones as strings, arrays as raw little-endian bytes.
 */
final class StateCodec {

    /** Why an object's state cannot be saved. */
    static final class NotSaveable extends RuntimeException {
        NotSaveable(String message) {
            super(message);
        }
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, NumpyFiles.Array> arrays;
    /** Where records and arrays of plug-in classes are loaded from: the loader of the object restored. */
    private ClassLoader loader = StateCodec.class.getClassLoader();

    /** @param arrays where arrays go when saving, or come from when restoring */
    StateCodec(Map<String, NumpyFiles.Array> arrays) {
        this.arrays = arrays;
    }

    /** The state of {@code o}; arrays are added under names starting with {@code path}. */
    JsonNode save(String path, Object o) {
        if (o instanceof Checkpointable c) {
            ObjectNode n = JSON.objectNode();
            n.set("checkpointable", encode(path, c.saveState(), "saveState()"));
            return n;
        }
        ObjectNode n = JSON.objectNode();
        n.put("class", o.getClass().getName());
        n.set("object", fields(path, o));
        return n;
    }

    /** Restores what {@link #save} returned into {@code target}, an object of the same class. */
    @SuppressWarnings("unchecked")
    void restore(JsonNode node, Object target, String what) {
        if (node.has("checkpointable")) {
            if (!(target instanceof Checkpointable c)) {
                throw new IllegalArgumentException(what + ": the checkpoint holds the state of a checkpointable "
                        + "object, " + target.getClass().getName() + " is not one");
            }
            c.restoreState((Map<String, Object>) decode(node.get("checkpointable"), null));
            return;
        }
        String saved = node.path("class").asText();
        if (!saved.equals(target.getClass().getName())) {
            throw new IllegalArgumentException(what + ": the checkpoint holds the state of " + saved + ", not of "
                    + target.getClass().getName() + " (was a plug-in replaced by another version?)");
        }
        restoreFields(node.get("object"), target, what);
    }

    private ObjectNode fields(String path, Object o) {
        ObjectNode n = JSON.objectNode();
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getName().startsWith("java.")) {
                throw new NotSaveable(path + ": " + c.getName() + " is a JDK class whose state is not accessible");
            }
            for (Field f : c.getDeclaredFields()) {
                if (skipped(f)) {
                    continue;
                }
                f.setAccessible(true);
                String key = c == o.getClass() ? f.getName() : c.getSimpleName() + "." + f.getName();
                try {
                    n.set(key, encode(path + "." + f.getName(), f.get(o), c.getSimpleName() + "." + f.getName()));
                } catch (IllegalAccessException e) {
                    throw new NotSaveable(path + ": field " + f.getName() + " is not accessible");
                }
            }
        }
        return n;
    }

    private static boolean skipped(Field f) {
        int m = f.getModifiers();
        return Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic();
    }

    private JsonNode encode(String path, Object v, String field) {
        ObjectNode n = JSON.objectNode();
        if (v == null) {
            return n.putNull("null");
        } else if (v instanceof Double d) {
            return Double.isFinite(d) ? n.put("f8", d) : n.put("f8", d.toString());
        } else if (v instanceof Float f) {
            return Float.isFinite(f) ? n.put("f4", f) : n.put("f4", f.toString());
        } else if (v instanceof Long l) {
            return n.put("i8", l);
        } else if (v instanceof Integer i) {
            return n.put("i4", i);
        } else if (v instanceof Boolean b) {
            return n.put("z", b);
        } else if (v instanceof String s) {
            return n.put("str", s);
        } else if (v instanceof Enum<?> e) {
            return n.put("enum", e.name());
        } else if (v instanceof double[] || v instanceof long[] || v instanceof int[] || v instanceof boolean[]) {
            String name = path;
            NumpyFiles.Array a;
            if (v instanceof double[] d) {
                a = NumpyFiles.Array.of(d.clone(), d.length);
            } else if (v instanceof long[] l) {
                a = NumpyFiles.Array.of(l.clone(), l.length);
            } else if (v instanceof int[] i) {
                a = NumpyFiles.Array.of(i.clone(), i.length);
            } else {
                a = NumpyFiles.Array.of(((boolean[]) v).clone(), ((boolean[]) v).length);
            }
            arrays.put(name, a);
            return n.put("array", name);
        } else if (v.getClass().isArray() && !v.getClass().getComponentType().isPrimitive()) {
            ArrayNode items = n.putArray("arrays");
            n.put("of", v.getClass().getComponentType().getName());
            for (int i = 0; i < Array.getLength(v); i++) {
                items.add(encode(path + "." + i, Array.get(v, i), field));
            }
            return n;
        } else if (v instanceof List<?> || v instanceof ArrayDeque<?>) {
            ArrayNode items = n.putArray(v instanceof ArrayDeque<?> ? "deque" : "list");
            int i = 0;
            for (Object item : (Collection<?>) v) {
                items.add(encode(path + "." + i++, item, field));
            }
            return n;
        } else if (v instanceof Map<?, ?> map) {
            ObjectNode entries = n.putObject("map");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new NotSaveable(path + " (" + field + "): a map with keys of type "
                            + e.getKey().getClass().getName() + "; only string keys are saved");
                }
                entries.set(k, encode(path + "." + k, e.getValue(), field));
            }
            return n;
        } else if (v instanceof Record r) {
            ObjectNode components = n.putObject("record");
            n.put("class", r.getClass().getName());
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    components.set(c.getName(), encode(path + "." + c.getName(), c.getAccessor().invoke(r), field));
                } catch (ReflectiveOperationException e) {
                    throw new NotSaveable(path + ": record component " + c.getName() + " is not accessible");
                }
            }
            return n;
        } else if (v.getClass().getName().startsWith("java.") || v.getClass().isSynthetic()
                || v.getClass().isHidden() || v.getClass().isAnonymousClass()) {
            throw new NotSaveable(field + " holds a " + v.getClass().getName() + ", whose state cannot be saved; "
                    + "implement " + Checkpointable.class.getName() + " to save it");
        }
        n.put("class", v.getClass().getName());
        n.set("object", fields(path, v));
        return n;
    }

    /** The value a node stands for; {@code current} is reused for plain objects restored in place. */
    private Object decode(JsonNode n, Object current) {
        if (n.has("null")) {
            return null;
        } else if (n.has("f8")) {
            JsonNode v = n.get("f8");
            return v.isTextual() ? Double.parseDouble(v.asText()) : v.doubleValue();
        } else if (n.has("f4")) {
            JsonNode v = n.get("f4");
            return v.isTextual() ? Float.parseFloat(v.asText()) : v.floatValue();
        } else if (n.has("i8")) {
            return n.get("i8").longValue();
        } else if (n.has("i4")) {
            return n.get("i4").intValue();
        } else if (n.has("z")) {
            return n.get("z").booleanValue();
        } else if (n.has("str")) {
            return n.get("str").asText();
        } else if (n.has("array")) {
            NumpyFiles.Array a = arrays.get(n.get("array").asText());
            if (a == null) {
                throw new IllegalArgumentException("the checkpoint's data file has no array " + n.get("array").asText());
            }
            return a.data();
        } else if (n.has("arrays")) {
            Class<?> type = load(n.get("of").asText(), current == null ? null : current.getClass().getComponentType());
            int length = n.get("arrays").size();
            Object out = current != null && Array.getLength(current) == length ? current : Array.newInstance(type, length);
            for (int i = 0; i < length; i++) {
                Array.set(out, i, decodeInto(n.get("arrays").get(i), Array.get(out, i)));
            }
            return out;
        } else if (n.has("list") || n.has("deque")) {
            Collection<Object> out = n.has("deque") ? new ArrayDeque<>() : new ArrayList<>();
            for (JsonNode item : n.has("deque") ? n.get("deque") : n.get("list")) {
                out.add(decode(item, null));
            }
            return out;
        } else if (n.has("map")) {
            Map<String, Object> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.get("map").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), decode(e.getValue(), null));
            }
            return out;
        } else if (n.has("record")) {
            return record(n, current);
        } else if (n.has("object")) {
            if (current == null || !current.getClass().getName().equals(n.get("class").asText())) {
                throw new IllegalArgumentException("cannot restore a " + n.get("class").asText() + " in place of "
                        + (current == null ? "null" : current.getClass().getName()));
            }
            restoreFields(n.get("object"), current, current.getClass().getName());
            return current;
        } else if (n.has("enum")) {
            throw new IllegalStateException("enums are restored through their field");
        }
        throw new IllegalArgumentException("unreadable state node " + n);
    }

    /** Arrays are copied into an existing array of the same length, so that final array fields work. */
    private Object decodeInto(JsonNode n, Object current) {
        Object v = decode(n, current);
        if (current != null && v != null && current != v && current.getClass().isArray()
                && current.getClass() == v.getClass() && Array.getLength(current) == Array.getLength(v)
                && current.getClass().getComponentType().isPrimitive()) {
            System.arraycopy(v, 0, current, 0, Array.getLength(v));
            return current;
        }
        return v;
    }

    private Object record(JsonNode n, Object current) {
        Class<?> type = load(n.get("class").asText(), current == null ? null : current.getClass());
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = decode(n.get("record").get(components[i].getName()), null);
        }
        try {
            Constructor<?> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            return c.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot recreate record " + type.getName() + ": " + e, e);
        }
    }

    private Class<?> load(String name, Class<?> hint) {
        if (hint != null && hint.getName().equals(name)) {
            return hint;
        }
        return switch (name) {
            case "[D" -> double[].class;
            case "[J" -> long[].class;
            case "[I" -> int[].class;
            case "[Z" -> boolean[].class;
            default -> {
                try {
                    yield Class.forName(name, false, loader);
                } catch (ClassNotFoundException e) {
                    throw new IllegalArgumentException("the checkpoint names class " + name + ", which is not loadable "
                            + "here (was a plug-in replaced?)");
                }
            }
        };
    }

    private void restoreFields(JsonNode fields, Object target, String what) {
        ClassLoader previous = loader;
        loader = target.getClass().getClassLoader();
        try {
            for (Class<?> c = target.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (skipped(f)) {
                        continue;
                    }
                    String key = c == target.getClass() ? f.getName() : c.getSimpleName() + "." + f.getName();
                    JsonNode n = fields.get(key);
                    if (n == null) {
                        throw new IllegalArgumentException(what + ": the checkpoint has no field " + key);
                    }
                    f.setAccessible(true);
                    restoreField(f, target, n, what);
                }
            }
        } finally {
            loader = previous;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void restoreField(Field f, Object target, JsonNode n, String what) {
        try {
            Object current = f.get(target);
            Object value;
            if (n.has("enum")) {
                value = Enum.valueOf((Class<Enum>) f.getType(), n.get("enum").asText());
            } else {
                value = decodeInto(n, current);
            }
            if (value == current) {
                return;
            }
            if (current instanceof Collection<?> c && value instanceof Collection<?> v && !(current instanceof List<?> l
                    && isImmutable(l))) {
                ((Collection<Object>) c).clear();
                ((Collection<Object>) c).addAll(v);
                return;
            }
            if (java.util.Objects.equals(current, value)) {
                return;
            }
            if (value instanceof ArrayList<?> list && current instanceof List<?>) {
                value = isImmutable((List<?>) current) ? List.copyOf(list) : list;
            }
            f.set(target, value);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException(what + ": cannot restore field " + f.getName() + ": " + e.getMessage(), e);
        }
    }

    private static boolean isImmutable(List<?> l) {
        return l.getClass().getName().startsWith("java.util.ImmutableCollections")
                || l.getClass().getName().startsWith("java.util.Collections$Unmodifiable");
    }
}
