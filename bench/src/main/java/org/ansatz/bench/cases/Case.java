package org.ansatz.bench.cases;

import org.ansatz.bench.Context;

/** One benchmark case of the suite: measures, adds samples to the context's results, prints its table. */
public interface Case {

    /** The id {@code --cases} selects it by. */
    String id();

    void run(Context ctx) throws Exception;
}
