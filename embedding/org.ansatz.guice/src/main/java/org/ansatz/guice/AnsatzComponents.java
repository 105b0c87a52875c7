package org.ansatz.guice;

import java.util.List;
import java.util.Map;

/** The components {@link AnsatzModule} wired, those it left out and why, and their shutdown. */
public interface AnsatzComponents extends AutoCloseable {

    /** Names of the components that can be created. */
    List<String> active();

    /** Components left out, with the reason (e.g. "a shell command", "needs an OSGi framework"). */
    Map<String, String> skipped();

    /** Deactivates every component created so far, last created first. */
    @Override
    void close();
}
