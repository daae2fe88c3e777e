package org.radstream.radiomics.filters;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.Volume;

/**
 * Cubic B-spline interpolation of a volume (SciPy {@code map_coordinates(order=3)}): the image is first
 * turned into B-spline coefficients by the recursive prefilter (pole √3 − 2, mirror-symmetric boundaries,
 * Unser 1993), then evaluated with the cubic B-spline kernel; points more than half a voxel outside the
 * grid give 0 ({@code mode='constant'}). Coordinates are numpy indices (z, y, x).
 */
final class BSpline3 {
    private final double[] c;
    private final int nx;
    private final int ny;
    private final int nz;

    BSpline3(Volume v) {
        Geometry g = v.geometry();
        nx = g.nx();
        ny = g.ny();
        nz = g.nz();
        c = new double[v.voxels().length];
        for (int i = 0; i < c.length; i++) {
            c[i] = v.voxels()[i];
        }
        prefilter(0, nx);
        prefilter(1, ny);
        prefilter(2, nz);
    }

    private void prefilter(int axis, int len) {
        if (len < 2) {
            return;
        }
        int stride = axis == 0 ? 1 : axis == 1 ? nx : nx * ny;
        double z = Math.sqrt(3) - 2;
        double gain = (1 - z) * (1 - 1 / z);
        double[] line = new double[len];
        int lines = c.length / len;
        for (int l = 0; l < lines; l++) {
            int start = axis == 0 ? l * nx : axis == 1 ? (l % nx) + (l / nx) * nx * ny : l;
            for (int i = 0; i < len; i++) {
                line[i] = c[start + i * stride] * gain;
            }
            // causal init (mirror boundary)
            double zn = z;
            double sum = line[0];
            int horizon = Math.min(len, 30);
            for (int i = 1; i < horizon; i++) {
                sum += zn * line[i];
                zn *= z;
            }
            line[0] = sum;
            for (int i = 1; i < len; i++) {
                line[i] += z * line[i - 1];
            }
            line[len - 1] = (z / (z * z - 1)) * (z * line[len - 2] + line[len - 1]);
            for (int i = len - 2; i >= 0; i--) {
                line[i] = z * (line[i + 1] - line[i]);
            }
            for (int i = 0; i < len; i++) {
                c[start + i * stride] = line[i];
            }
        }
    }

    private static double kernel(double t) {
        t = Math.abs(t);
        if (t < 1) {
            return 2.0 / 3 - t * t + t * t * t / 2;
        }
        if (t < 2) {
            double u = 2 - t;
            return u * u * u / 6;
        }
        return 0;
    }

    private static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * n - 2;
        i = Math.floorMod(i, period);
        return i < n ? i : period - i;
    }

    /** B-spline weights of a fixed offset (dz, dy, dx) from integer voxel positions. */
    record Stencil(double dz, double dy, double dx, int z0, int y0, int x0, double[] wz, double[] wy, double[] wx) {
    }

    static Stencil stencil(double dz, double dy, double dx) {
        int z0 = (int) Math.floor(dz) - 1;
        int y0 = (int) Math.floor(dy) - 1;
        int x0 = (int) Math.floor(dx) - 1;
        double[] wz = new double[4];
        double[] wy = new double[4];
        double[] wx = new double[4];
        for (int a = 0; a < 4; a++) {
            wz[a] = kernel(dz - (z0 + a));
            wy[a] = kernel(dy - (y0 + a));
            wx[a] = kernel(dx - (x0 + a));
        }
        return new Stencil(dz, dy, dx, z0, y0, x0, wz, wy, wx);
    }

    /** Value at integer voxel (z, y, x) moved by the stencil's offset; same result as {@link #at(double, double, double)}. */
    double at(int z, int y, int x, Stencil s) {
        double pz = z + s.dz();
        double py = y + s.dy();
        double px = x + s.dx();
        if (pz < -0.5 || py < -0.5 || px < -0.5 || pz > nz - 0.5 || py > ny - 0.5 || px > nx - 0.5) {
            return 0;
        }
        double sum = 0;
        for (int a = 0; a < 4; a++) {
            double wz = s.wz()[a];
            if (wz == 0) {
                continue;
            }
            int zi = mirror(z + s.z0() + a, nz);
            for (int b = 0; b < 4; b++) {
                double wzy = wz * s.wy()[b];
                if (wzy == 0) {
                    continue;
                }
                int row = nx * (mirror(y + s.y0() + b, ny) + ny * zi);
                for (int d = 0; d < 4; d++) {
                    sum += wzy * s.wx()[d] * c[mirror(x + s.x0() + d, nx) + row];
                }
            }
        }
        return sum;
    }

    double at(double z, double y, double x) {
        if (z < -0.5 || y < -0.5 || x < -0.5 || z > nz - 0.5 || y > ny - 0.5 || x > nx - 0.5) {
            return 0;
        }
        int z0 = (int) Math.floor(z) - 1;
        int y0 = (int) Math.floor(y) - 1;
        int x0 = (int) Math.floor(x) - 1;
        double s = 0;
        for (int a = 0; a < 4; a++) {
            double wz = kernel(z - (z0 + a));
            if (wz == 0) {
                continue;
            }
            int zi = mirror(z0 + a, nz);
            for (int b = 0; b < 4; b++) {
                double wy = kernel(y - (y0 + b));
                if (wy == 0) {
                    continue;
                }
                int yi = mirror(y0 + b, ny);
                for (int d = 0; d < 4; d++) {
                    double wx = kernel(x - (x0 + d));
                    if (wx == 0) {
                        continue;
                    }
                    s += wz * wy * wx * c[mirror(x0 + d, nx) + nx * (yi + ny * zi)];
                }
            }
        }
        return s;
    }
}
