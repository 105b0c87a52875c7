package org.ansatz.shell.internal;

import java.util.List;
import java.util.Map;
import org.ansatz.api.method.MethodDescriptor;

/**
 * What {@code ansatz:methods --details NAME} prints: the method, where it comes from, and its options
 * as its bundle declares them in metatype, with the defaults ConfigAdmin currently overrides.
 */
final class MethodDetails {

    /** One declared option. */
    record Option(String key, String type, String defaultValue, String description) {
    }

    private MethodDetails() {
    }

    /**
     * @param pid        the configuration PID whose ConfigAdmin properties set defaults, or null when the
     *                   method cannot be configured
     * @param options    declared options, or null when the bundle declares no metatype for the method
     * @param configured current ConfigAdmin values of the PID (may be empty)
     * @param prefix     settings prefix of the method's kind, e.g. {@code balance.}, or null
     */
    static String render(MethodDescriptor m, String pid, List<Option> options, Map<String, Object> configured,
            String prefix) {
        StringBuilder b = new StringBuilder();
        b.append(m.name()).append(" (").append(m.kind().label()).append(") from ").append(m.bundle()).append(' ')
                .append(m.bundleVersion()).append('\n');
        if (!m.description().isEmpty()) {
            b.append("  ").append(m.description()).append('\n');
        }
        if (options == null) {
            b.append("  No options declared in metatype by ").append(m.bundle()).append('.');
            if (prefix != null) {
                b.append(" Options it reads are set per run with --set ").append(prefix).append("KEY=VALUE;")
                        .append(" an unknown key is reported by name.");
            }
            return b.append('\n').toString();
        }
        if (options.isEmpty()) {
            return b.append("  No options.\n").toString();
        }
        b.append('\n');
        Table t = new Table().row("OPTION", "TYPE", "DEFAULT", "CONFIGURED", "DESCRIPTION");
        for (Option o : options) {
            Object c = configured.get(o.key());
            t.row(o.key(), o.type(), o.defaultValue(), c == null ? "" : String.valueOf(c), o.description());
        }
        b.append(t.render("  "));
        b.append('\n');
        if (prefix != null) {
            b.append("  Per run: --set ").append(prefix).append("OPTION=VALUE (or the same key in a run spec).\n");
        }
        if (pid != null) {
            b.append("  Defaults for every run: ConfigAdmin PID ").append(pid)
                    .append(" (e.g. a file plugins/").append(pid).append(".cfg).\n");
        }
        return b.toString();
    }
}
