package org.ansatz.api.solver;

import org.osgi.annotation.versioning.ProviderType;

/** Where solvers report progress; the shell renders it with rate and ETA. */
@ProviderType
public interface Progress {

    /** A progress sink that drops everything. */
    Progress NONE = new Progress() {
        @Override
        public void report(ProgressUpdate update) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    void report(ProgressUpdate update);

    /** Solvers poll this between steps and stop early, keeping their last good state. */
    boolean cancelled();
}
