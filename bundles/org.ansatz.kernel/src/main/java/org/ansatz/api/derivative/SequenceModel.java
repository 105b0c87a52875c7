package org.ansatz.api.derivative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A model that predicts, for every input point, a short sequence of points shifted by fixed offsets,
 * such as PINNsFormer's pseudo-sequences in time. A PINN trainer then takes the residual at every
 * position (the sequential loss), each position's output jet being a jet in the shifted point; its
 * {@link #forward} stays the prediction at the point itself, position 0.
 *
 * @since 1.2
 */
@ConsumerType
public interface SequenceModel extends JetModel {

    /** The number of positions K; 1 turns the sequential loss off. */
    int positions();

    /** The offset of position {@code k} from the point, one entry per input; zero for position 0. */
    double[] shift(int k);

    /**
     * Every position: {@code [streams, points * K, outputs]}, point-major (row {@code i K + k} is
     * position k of point i), derivatives taken in the point.
     */
    Jet sequence(Jet input);

    /**
     * The positions of {@link #sequence}'s data one by one: {@code K} arrays of shape
     * {@code [streams, points, outputs]}.
     */
    static NDArray[] split(NDArray sequence, int positions) {
        Shape s = sequence.getShape();
        if (s.dimension() != 3 || s.get(1) % positions != 0) {
            throw new IllegalArgumentException("shape mismatch: a sequence of shape " + s + " does not hold "
                    + positions + " positions per point");
        }
        if (positions == 1) {
            return new NDArray[] {sequence};
        }
        long n = s.get(1) / positions;
        NDArray grouped = sequence.reshape(s.get(0), n, positions, s.get(2));
        NDArray[] out = new NDArray[positions];
        // One split (a single concatenation in the backward pass), not an index per position.
        var parts = grouped.split(positions, 2);
        for (int k = 0; k < positions; k++) {
            out[k] = parts.get(k).reshape(s.get(0), n, s.get(2));
        }
        return out;
    }
}
