/**
 * The expression compiler: residuals written as text ({@code u_t + u*u_x - nu*u_xx}) compiled
 * against named inputs, outputs, constants and trainable parameters into functions of jets, with the
 * derivatives they need planned from the text.
 */
@Export
@Version("1.0.0")
package org.ansatz.api.expr;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
