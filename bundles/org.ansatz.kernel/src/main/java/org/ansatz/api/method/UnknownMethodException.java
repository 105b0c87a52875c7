package org.ansatz.api.method;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * No method of the requested kind has the requested name. The message lists what is available and
 * suggests the closest name, since the usual causes are a typo or a plug-in that is not installed.
 */
public class UnknownMethodException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final MethodKind kind;
    private final String requested;
    private final List<String> available;

    public UnknownMethodException(MethodKind kind, String requested, Collection<String> available) {
        super(message(kind, requested, available));
        this.kind = kind;
        this.requested = requested;
        this.available = available.stream().sorted().toList();
    }

    public MethodKind kind() {
        return kind;
    }

    public String requested() {
        return requested;
    }

    public List<String> available() {
        return available;
    }

    private static String message(MethodKind kind, String requested, Collection<String> available) {
        StringBuilder b = new StringBuilder("unknown ").append(kind.label()).append(" '").append(requested)
                .append("'");
        if (available.isEmpty()) {
            b.append(": no ").append(kind.label())
                    .append(" is registered (is the plug-in that provides it installed?)");
            return b.toString();
        }
        available.stream()
                .min(Comparator.comparingInt(a -> editDistance(a, requested)))
                .filter(best -> editDistance(best, requested) <= Math.max(2, requested.length() / 3))
                .ifPresent(best -> b.append("; did you mean '").append(best).append("'?"));
        b.append(" Available: ").append(String.join(", ", available.stream().sorted().toList()))
                .append(". A missing plug-in bundle can be dropped into plugins/.");
        return b.toString();
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
