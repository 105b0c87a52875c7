package org.ansatz.shell.internal;

import java.util.List;
import java.util.regex.Pattern;

/** Turns process arguments back into one Gogo command line, quoting what the shell would split. */
final class CommandLine {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+@%^-]+");

    private CommandLine() {
    }

    static String join(List<String> args) {
        StringBuilder b = new StringBuilder();
        for (String a : args) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(quote(a));
        }
        return b.toString();
    }

    static String quote(String arg) {
        if (PLAIN.matcher(arg).matches()) {
            return arg;
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : arg.toCharArray()) {
            if (c == '"' || c == '\\' || c == '$') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }
}
