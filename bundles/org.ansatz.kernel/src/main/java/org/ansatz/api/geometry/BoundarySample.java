package org.ansatz.api.geometry;

/**
 * Points on a boundary with their outward unit normals, both row-major {@code [count, dimension]}.
 */
public record BoundarySample(double[] points, double[] normals) {

    public BoundarySample {
        if (points.length != normals.length) {
            throw new IllegalArgumentException("points and normals differ in length");
        }
    }
}
