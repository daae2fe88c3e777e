package org.radstream.imaging.synth;

/**
 * A simulated tumour: a lobulated ellipsoid in patient coordinates (LPS, mm).
 * Normalised radius of a point p (inside when &lt; 1):
 * <pre>
 *   u(p) = √((dx/(R·fx))² + (dy/(R·fy))² + (dz/(R·fz))²) / (1 + λ·cos(3θ + φ)),  θ = atan2(dy, dx)
 * </pre>
 *
 * @param centre      LPS centre
 * @param radiusMm    R, half the diameter
 * @param shape       (fx, fy, fz) axis factors near 1
 * @param lobulation  λ
 * @param phase       φ
 */
record Tumour(double[] centre, double radiusMm, double[] shape, double lobulation, double phase) {

    double u(double x, double y, double z) {
        double dx = x - centre[0];
        double dy = y - centre[1];
        double dz = z - centre[2];
        double a = dx / (radiusMm * shape[0]);
        double b = dy / (radiusMm * shape[1]);
        double c = dz / (radiusMm * shape[2]);
        double r = Math.sqrt(a * a + b * b + c * c);
        return r / (1 + lobulation * Math.cos(3 * Math.atan2(dy, dx) + phase));
    }

    /** Half-extent of the bounding box along each axis (mm). */
    double extent(int axis) {
        return radiusMm * shape[axis] * (1 + Math.abs(lobulation)) + 1;
    }
}
