package org.ansatz.operators.internal;

import java.util.List;
import org.ansatz.api.data.DatasetProvider;
import org.ansatz.api.engine.TensorEngine;
import org.ansatz.api.method.MethodRegistry;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ansatz:train-operator} and {@code ansatz:predict-operator}. Gogo maps command names to method
 * names and a Java method cannot be called {@code train-operator}, so each command is a Gogo
 * {@link Function}.
 */
public final class OperatorCommands {

    private OperatorCommands() {
    }

    static OperatorCli cli(MethodRegistry registry, TensorEngine engine) {
        return new OperatorCli(name -> registry.get(DatasetProvider.class, name), engine::newManager, System.out);
    }

    static String[] strings(List<Object> arguments) {
        return arguments.stream().map(String::valueOf).toArray(String[]::new);
    }

    @Component(service = Function.class, property = {
        "osgi.command.scope=ansatz",
        "osgi.command.function=train-operator"
    })
    public static final class Train implements Function {
        @Reference
        MethodRegistry registry;

        @Reference
        TensorEngine engine;

        @Override
        public Object execute(CommandSession session, List<Object> arguments) {
            String[] args = strings(arguments);
            if (args.length == 0 || args[0].equals("--help")) {
                System.out.println(OperatorCli.TRAIN_USAGE);
                return null;
            }
            cli(registry, engine).train(OperatorCli.parseTrain(args), new ConsoleProgress(System.out, 5000));
            return null;
        }
    }

    @Component(service = Function.class, property = {
        "osgi.command.scope=ansatz",
        "osgi.command.function=predict-operator"
    })
    public static final class Predict implements Function {
        @Reference
        MethodRegistry registry;

        @Reference
        TensorEngine engine;

        @Override
        public Object execute(CommandSession session, List<Object> arguments) {
            String[] args = strings(arguments);
            if (args.length == 0 || args[0].equals("--help")) {
                System.out.println(OperatorCli.PREDICT_USAGE);
                return null;
            }
            cli(registry, engine).predict(args);
            return null;
        }
    }
}
