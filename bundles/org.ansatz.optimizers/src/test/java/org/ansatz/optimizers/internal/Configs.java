package org.ansatz.optimizers.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Configuration annotations as Declarative Services passes them: given values, else the defaults. */
final class Configs {

    private Configs() {
    }

    static <A> A of(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getParameterCount() > 0 || method.getDeclaringClass() == Object.class) {
                throw new UnsupportedOperationException(method.getName());
            }
            return values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
        }));
    }

    /** The default of attribute {@code name} of a configuration annotation. */
    static Object defaultOf(Class<?> type, String name) {
        try {
            Method m = type.getMethod(name);
            return m.getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
