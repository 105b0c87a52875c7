package org.ansatz.api.model;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A model that changes with training progress (e.g. a KAN whose spline grid is extended on a schedule).
 * Trainers call {@link #beforeStep} before every optimizer step, so that the model changes between
 * steps, never within one (a line search must see one function).
 */
@ConsumerType
public interface TrainingAware {

    /**
     * @param step the run's training steps so far plus one: Adam steps and L-BFGS iterations counted over
     *             all stages, continued by a resumed run
     * @return whether the model's function changed, in which case the trainer restarts its optimizer's
     *         state (moments, curvature pairs), which belongs to the function before the change
     */
    boolean beforeStep(long step);
}
