/**
 * Input derivatives of models: Taylor-mode jets (forward propagation of exactly the derivative
 * streams a residual needs, one matmul per linear layer, Faà di Bruno for elementwise functions,
 * Leibniz for products) and nested reverse mode as the independent second engine.
 *
 * <p>1.1: {@link org.ansatz.api.derivative.Jet#scale(ai.djl.ndarray.NDArray)} (streams times an
 * input-independent tensor, e.g. trainable slopes) and {@link org.ansatz.api.derivative.Cauchy} (an
 * activation with trainable parameters and exact derivatives of every order).
 *
 * <p>1.2: {@link org.ansatz.api.derivative.SequenceModel}, models whose pass predicts several shifted
 * points at once, so that trainers can take the residual at all of them (PINNsFormer's sequential loss).
 *
 * <p>1.3: {@link org.ansatz.api.derivative.FusedJetModel} and {@link org.ansatz.api.derivative.FusedJet},
 * models that compute their jet and its adjoint in a fused kernel outside the autograd graph.
 */
@Export
@Version("1.3.0")
package org.ansatz.api.derivative;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
