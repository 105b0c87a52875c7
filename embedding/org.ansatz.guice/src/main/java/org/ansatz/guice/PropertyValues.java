package org.ansatz.guice;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Component property values: parsed from descriptors with their declared type, and converted to the
 * return types of configuration annotations the way SCR does.
 */
final class PropertyValues {

    private PropertyValues() {
    }

    /** A typed value; a property with a text body instead of {@code value} is an array, one entry per line. */
    static Object parse(String type, String value, String body) {
        String t = type == null || type.isBlank() ? "String" : type;
        if (value != null) {
            return scalar(t, value);
        }
        List<Object> values = new ArrayList<>();
        for (String line : body.split("\\R")) {
            if (!line.isBlank()) {
                values.add(scalar(t, line.trim()));
            }
        }
        return values.toArray();
    }

    private static Object scalar(String type, String v) {
        return switch (type) {
            case "Integer" -> Integer.valueOf(v.trim());
            case "Long" -> Long.valueOf(v.trim());
            case "Double" -> Double.valueOf(v.trim());
            case "Float" -> Float.valueOf(v.trim());
            case "Boolean" -> Boolean.valueOf(v.trim());
            case "Short" -> Short.valueOf(v.trim());
            case "Byte" -> Byte.valueOf(v.trim());
            case "Character" -> (char) Integer.parseInt(v.trim());
            default -> v;
        };
    }

    /**
     * Converts a property value to the type a configuration annotation element returns.
     *
     * @throws IllegalArgumentException naming the key when the value does not convert
     */
    static Object convert(String key, Object value, Class<?> type) {
        try {
            if (type.isArray()) {
                Object[] items = items(value);
                Object array = Array.newInstance(type.getComponentType(), items.length);
                for (int i = 0; i < items.length; i++) {
                    Array.set(array, i, convert(key, items[i], type.getComponentType()));
                }
                return array;
            }
            Object v = value;
            if (v != null && (v.getClass().isArray() || v instanceof Collection<?>)) {
                Object[] items = items(v);
                v = items.length == 0 ? null : items[0];
            }
            if (v == null) {
                return defaultOf(type);
            }
            String s = v.toString().trim();
            if (type == String.class) {
                return v.toString();
            } else if (type == int.class || type == Integer.class) {
                return v instanceof Number n ? n.intValue() : Integer.parseInt(s);
            } else if (type == long.class || type == Long.class) {
                return v instanceof Number n ? n.longValue() : Long.parseLong(s);
            } else if (type == double.class || type == Double.class) {
                return v instanceof Number n ? n.doubleValue() : Double.parseDouble(s);
            } else if (type == float.class || type == Float.class) {
                return v instanceof Number n ? n.floatValue() : Float.parseFloat(s);
            } else if (type == boolean.class || type == Boolean.class) {
                return v instanceof Boolean b ? b : Boolean.parseBoolean(s);
            } else if (type == short.class || type == Short.class) {
                return v instanceof Number n ? n.shortValue() : Short.parseShort(s);
            } else if (type == byte.class || type == Byte.class) {
                return v instanceof Number n ? n.byteValue() : Byte.parseByte(s);
            } else if (type == char.class || type == Character.class) {
                return s.isEmpty() ? '\0' : s.charAt(0);
            } else if (type.isEnum()) {
                return enumValue(type, s);
            } else if (type == Class.class) {
                return Class.forName(s);
            }
        } catch (NumberFormatException | ClassNotFoundException e) {
            throw new IllegalArgumentException("configuration property '" + key + "': cannot read '" + value
                    + "' as " + type.getSimpleName(), e);
        }
        throw new IllegalArgumentException("configuration property '" + key + "': unsupported type " + type.getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String s) {
        return Enum.valueOf((Class) type, s);
    }

    private static Object[] items(Object value) {
        if (value == null) {
            return new Object[0];
        }
        if (value instanceof Collection<?> c) {
            return c.toArray();
        }
        if (value.getClass().isArray()) {
            Object[] out = new Object[Array.getLength(value)];
            for (int i = 0; i < out.length; i++) {
                out[i] = Array.get(value, i);
            }
            return out;
        }
        return new Object[] {value};
    }

    private static Object defaultOf(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        return convert("", 0, type);
    }
}
