package org.ansatz.guice;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import jakarta.inject.Inject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ansatz.api.method.MethodRegistry;

/**
 * Creates component objects as SCR would: constructor, references (constructor parameters, fields or
 * bind methods), then the activate method with the component's properties, overlaid by its
 * configuration, as a map or as configuration annotations. Objects come from Guice singletons, so each
 * component is created once, on first use.
 */
final class ComponentInstances implements AnsatzComponents {

    private final ComponentPlan plan;
    private final MethodRegistry registry;
    private final Map<String, Map<String, Object>> configurations;
    private final Deque<Object[]> created = new ArrayDeque<>();
    private final Set<String> creating = new HashSet<>();

    @Inject
    Injector injector;

    ComponentInstances(ComponentPlan plan, MethodRegistry registry, Map<String, Map<String, Object>> configurations) {
        this.plan = plan;
        this.registry = registry;
        this.configurations = configurations;
    }

    static Key<Object> key(ComponentDescription c) {
        return Key.get(Object.class, Names.named("ansatz.component:" + c.name()));
    }

    Object get(ComponentDescription c) {
        return injector.getInstance(key(c));
    }

    /** Called once per component by its Guice singleton provider. */
    synchronized Object create(ComponentDescription c) {
        if (!creating.add(c.name())) {
            throw new IllegalStateException("circular references through component " + c.name());
        }
        try {
            Class<?> impl = plan.implementations.get(c.name());
            Map<String, Object> props = properties(c);
            Object o = construct(c, impl, props);
            for (ComponentDescription.ReferenceDescription r : c.references()) {
                if (r.field() != null) {
                    Field f = field(impl, r.field());
                    f.setAccessible(true);
                    f.set(o, value(r, Collection.class.isAssignableFrom(f.getType())));
                } else if (r.bind() != null) {
                    Method m = method(impl, r.bind(), plan.types.get(r.service()));
                    m.setAccessible(true);
                    for (Object each : (List<?>) value(r, true)) {
                        m.invoke(o, each);
                    }
                }
            }
            Method activate = activateMethod(impl, c);
            if (activate != null) {
                activate.setAccessible(true);
                activate.invoke(o, arguments(activate, c, props, Map.of()));
            }
            created.push(new Object[] {c, o});
            return o;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("component " + c.name() + " failed to activate: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("component " + c.name() + " cannot be created: " + e, e);
        } finally {
            creating.remove(c.name());
        }
    }

    private Object construct(ComponentDescription c, Class<?> impl, Map<String, Object> props)
            throws ReflectiveOperationException {
        Map<Integer, Object> byParameter = new LinkedHashMap<>();
        for (ComponentDescription.ReferenceDescription r : c.references()) {
            if (r.parameter() != null) {
                byParameter.put(r.parameter(), null);
            }
        }
        for (Constructor<?> k : impl.getDeclaredConstructors()) {
            if (k.getParameterCount() != c.init()) {
                continue;
            }
            for (ComponentDescription.ReferenceDescription r : c.references()) {
                if (r.parameter() != null) {
                    Class<?> p = k.getParameterTypes()[r.parameter()];
                    byParameter.put(r.parameter(), value(r, Collection.class.isAssignableFrom(p)));
                }
            }
            k.setAccessible(true);
            return k.newInstance(arguments(k, c, props, byParameter));
        }
        throw new NoSuchMethodException(impl.getName() + " has no constructor with " + c.init() + " parameters");
    }

    /** Arguments of a constructor or activate method: references by position, properties by type. */
    private Object[] arguments(Executable e, ComponentDescription c, Map<String, Object> props, Map<Integer, Object> refs) {
        Class<?>[] types = e.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (refs.containsKey(i)) {
                args[i] = refs.get(i);
            } else if (Map.class.isAssignableFrom(types[i])) {
                args[i] = Map.copyOf(props);
            } else if (types[i].isAnnotation()) {
                args[i] = configurationProxy(types[i], props);
            } else {
                throw new IllegalStateException("component " + c.name() + ": " + e.getName() + " takes a "
                        + types[i].getName() + ", which only an OSGi framework provides");
            }
        }
        return args;
    }

    /** The reference's target(s): the registry of this wiring, or the components providing the interface. */
    private Object value(ComponentDescription.ReferenceDescription r, boolean asCollection) {
        List<Object> targets = new ArrayList<>();
        if (r.service().equals(ComponentPlan.REGISTRY)) {
            targets.add(registry);
        } else {
            for (ComponentDescription p : plan.active) {
                if (p.services().contains(r.service())) {
                    targets.add(get(p));
                    if (!r.multiple()) {
                        break;
                    }
                }
            }
        }
        if (asCollection || r.multiple()) {
            return targets;
        }
        return targets.isEmpty() ? null : targets.get(0);
    }

    private Map<String, Object> properties(ComponentDescription c) {
        Map<String, Object> props = new LinkedHashMap<>(c.properties());
        for (String pid : c.configurationPid()) {
            Map<String, Object> config = configurations.get(pid);
            if (config != null) {
                props.putAll(config);
            }
        }
        props.put("component.name", c.name());
        return props;
    }

    /** A configuration annotation over the properties; element names map to keys as in DS 1.4. */
    static Object configurationProxy(Class<?> type, Map<String, Object> props) {
        String prefix = "";
        try {
            Field f = type.getField("PREFIX_");
            prefix = String.valueOf(f.get(null));
        } catch (ReflectiveOperationException none) {
            // no prefix declared
        }
        String p = prefix;
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            switch (m.getName()) {
                case "annotationType":
                    return type;
                case "toString":
                    return "@" + type.getName() + props;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    String key = p + keyOf(m.getName());
                    return props.containsKey(key) ? PropertyValues.convert(key, props.get(key), m.getReturnType())
                            : m.getDefaultValue() != null ? m.getDefaultValue()
                            : PropertyValues.convert(key, null, m.getReturnType());
            }
        });
    }

    /** {@code max_steps} is {@code max.steps}, {@code a__b} is {@code a_b}, {@code $$} is {@code $}. */
    static String keyOf(String element) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < element.length(); i++) {
            char ch = element.charAt(i);
            boolean next = i + 1 < element.length();
            if (ch == '$') {
                if (next && element.charAt(i + 1) == '$') {
                    b.append('$');
                    i++;
                } else if (next && element.charAt(i + 1) == '_' && i + 2 < element.length() && element.charAt(i + 2) == '$') {
                    b.append('-');
                    i += 2;
                }
            } else if (ch == '_') {
                if (next && element.charAt(i + 1) == '_') {
                    b.append('_');
                    i++;
                } else {
                    b.append('.');
                }
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static Method activateMethod(Class<?> impl, ComponentDescription c) {
        String name = c.activate() != null ? c.activate() : "activate";
        for (Class<?> k = impl; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.getName().equals(name) && !Modifier.isStatic(m.getModifiers())) {
                    return m;
                }
            }
        }
        if (c.activate() != null) {
            throw new IllegalStateException("component " + c.name() + ": no activate method " + c.activate());
        }
        return null;
    }

    private static Field field(Class<?> impl, String name) throws NoSuchFieldException {
        for (Class<?> k = impl; k != null; k = k.getSuperclass()) {
            try {
                return k.getDeclaredField(name);
            } catch (NoSuchFieldException next) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(impl.getName() + "." + name);
    }

    private static Method method(Class<?> impl, String name, Class<?> service) throws NoSuchMethodException {
        for (Class<?> k = impl; k != null; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == 1 && m.getParameterTypes()[0].isAssignableFrom(service)) {
                    return m;
                }
            }
        }
        throw new NoSuchMethodException(impl.getName() + "." + name + "(" + service.getName() + ")");
    }

    @Override
    public List<String> active() {
        return plan.active.stream().map(ComponentDescription::name).toList();
    }

    @Override
    public Map<String, String> skipped() {
        return Map.copyOf(plan.skipped);
    }

    /** Calls the deactivate methods of the created components, last created first. */
    @Override
    public synchronized void close() {
        while (!created.isEmpty()) {
            Object[] entry = created.pop();
            ComponentDescription c = (ComponentDescription) entry[0];
            String name = c.deactivate() != null ? c.deactivate() : "deactivate";
            for (Class<?> k = entry[1].getClass(); k != null && k != Object.class; k = k.getSuperclass()) {
                for (Method m : k.getDeclaredMethods()) {
                    if (m.getName().equals(name) && m.getParameterCount() == 0) {
                        try {
                            m.setAccessible(true);
                            m.invoke(entry[1]);
                        } catch (ReflectiveOperationException e) {
                            // keep closing the others; a failing deactivate must not leak the rest
                        }
                    }
                }
            }
        }
    }
}
