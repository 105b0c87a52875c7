package org.ansatz.shell.internal;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Runs {@code ./ansatz <command> [args]}: when the launcher was given arguments, they form one Gogo
 * command that runs on the launcher's main thread; its outcome becomes the process exit status (0 on
 * success; 1 with the message on stderr on failure). Without arguments it does nothing and the
 * interactive shell takes over.
 */
@Component(immediate = true)
public class CommandLineRunner {

    /** How long a command that is not (yet) registered is waited for: drop-in plug-ins load asynchronously. */
    static final long COMMAND_WAIT_MILLIS = 3000;

    @Reference
    CommandProcessor processor;

    private volatile List<String> arguments = List.of();
    private ServiceRegistration<?> mainThread;

    // The bnd launcher publishes its command-line arguments as a service property.
    @Reference(service = Object.class, target = "(launcher.arguments=*)",
            cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    void launcher(Map<String, Object> properties) {
        Object a = properties.get("launcher.arguments");
        arguments = a instanceof String[] s ? List.of(s) : List.of();
    }

    @Activate
    void activate(BundleContext context) {
        if (arguments.isEmpty()) {
            return;
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("main.thread", Boolean.TRUE);
        mainThread = context.registerService(Callable.class, new Run(), props);
    }

    @Deactivate
    void deactivate() {
        if (mainThread != null) {
            try {
                mainThread.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping
            }
        }
    }

    /** A named class: the bnd launcher checks by reflection that {@code call()} returns Integer. */
    final class Run implements Callable<Integer> {
        @Override
        public Integer call() {
            return execute(CommandLine.join(arguments));
        }
    }

    int execute(String line) {
        long deadline = System.currentTimeMillis() + COMMAND_WAIT_MILLIS;
        // The process's own streams, not System.out: Gogo redirects System.out per thread to the
        // session's stream, and a session writing to System.out would then write to itself.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
        try (CommandSession session = processor.createSession(new FileInputStream(FileDescriptor.in), out, err)) {
            // Our commands first, so that e.g. "info" means ansatz:info.
            session.put("SCOPE", "ansatz:gogo:*");
            while (true) {
                try {
                    Object result = session.execute(line);
                    if (result != null) {
                        out.println(session.format(result, Converter.INSPECT));
                    }
                    out.flush();
                    return 0;
                } catch (Exception e) {
                    if (isCommandNotFound(e) && System.currentTimeMillis() < deadline) {
                        Thread.sleep(100);
                        continue;
                    }
                    out.flush();
                    err.println("ansatz: " + describe(e, line));
                    if (Boolean.getBoolean("ansatz.debug")) {
                        e.printStackTrace(err);
                    }
                    return 1;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static boolean isCommandNotFound(Throwable e) {
        return e.getClass().getSimpleName().equals("CommandNotFoundException");
    }

    static String describe(Throwable e, String line) {
        if (isCommandNotFound(e)) {
            String command = line.split("\\s+", 2)[0];
            return "unknown command '" + command + "'. Run './ansatz help' for the list of commands.";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getName() : message;
    }

}
