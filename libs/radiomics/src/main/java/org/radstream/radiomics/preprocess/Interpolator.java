package org.radstream.radiomics.preprocess;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.Volume;
import org.radstream.radiomics.ExtractionSettings;

/**
 * Image interpolation at continuous voxel indices (x, y, z) as ITK's resampler does it: nearest neighbour,
 * trilinear, or cubic B-spline on coefficients from the recursive prefilter with mirror boundaries
 * (ITK {@code BSplineDecompositionImageFilter}); points more than half a voxel outside the grid give 0.
 */
final class Interpolator {
    private final Volume image;
    private final ExtractionSettings.Interpolator kind;
    private final double[] coef;
    private final int nx;
    private final int ny;
    private final int nz;

    Interpolator(Volume image, ExtractionSettings.Interpolator kind) {
        this.image = image;
        this.kind = kind;
        Geometry g = image.geometry();
        nx = g.nx();
        ny = g.ny();
        nz = g.nz();
        if (kind == ExtractionSettings.Interpolator.BSPLINE) {
            coef = new double[image.voxels().length];
            for (int i = 0; i < coef.length; i++) {
                coef[i] = image.voxels()[i];
            }
            prefilter(0, nx);
            prefilter(1, ny);
            prefilter(2, nz);
        } else {
            coef = null;
        }
    }

    private void prefilter(int axis, int len) {
        if (len < 2) {
            return;
        }
        int stride = axis == 0 ? 1 : axis == 1 ? nx : nx * ny;
        double z = Math.sqrt(3) - 2;
        double gain = (1 - z) * (1 - 1 / z);
        double[] line = new double[len];
        int lines = coef.length / len;
        for (int l = 0; l < lines; l++) {
            int start = axis == 0 ? l * nx : axis == 1 ? (l % nx) + (l / nx) * nx * ny : l;
            for (int i = 0; i < len; i++) {
                line[i] = coef[start + i * stride] * gain;
            }
            // causal initialisation for mirror boundaries (full sum, as ITK for short lines)
            double zn = z;
            double z2n = Math.pow(z, len - 1);
            double sum = line[0] + z2n * line[len - 1];
            z2n *= z2n / z;
            for (int i = 1; i < len - 1; i++) {
                sum += (zn + z2n) * line[i];
                zn *= z;
                z2n /= z;
            }
            line[0] = sum / (1 - Math.pow(z, 2 * (len - 1)));
            for (int i = 1; i < len; i++) {
                line[i] += z * line[i - 1];
            }
            line[len - 1] = (z / (z * z - 1)) * (z * line[len - 2] + line[len - 1]);
            for (int i = len - 2; i >= 0; i--) {
                line[i] = z * (line[i + 1] - line[i]);
            }
            for (int i = 0; i < len; i++) {
                coef[start + i * stride] = line[i];
            }
        }
    }

    double at(double x, double y, double z) {
        if (x < -0.5 || y < -0.5 || z < -0.5 || x >= nx - 0.5 || y >= ny - 0.5 || z >= nz - 0.5) {
            return 0;
        }
        return switch (kind) {
            case NONE -> throw new IllegalStateException("no interpolator");
            case NEAREST_NEIGHBOR -> image.get(clamp((int) Math.round(x), nx), clamp((int) Math.round(y), ny),
                    clamp((int) Math.round(z), nz));
            case LINEAR -> linear(x, y, z);
            case BSPLINE -> bspline(x, y, z);
        };
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }

    private double linear(double x, double y, double z) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        int z0 = (int) Math.floor(z);
        double s = 0;
        for (int c = 0; c < 8; c++) {
            int xi = x0 + (c & 1);
            int yi = y0 + (c >> 1 & 1);
            int zi = z0 + (c >> 2 & 1);
            double w = (1 - Math.abs(x - xi)) * (1 - Math.abs(y - yi)) * (1 - Math.abs(z - zi));
            if (w > 0) {
                s += w * image.get(clamp(xi, nx), clamp(yi, ny), clamp(zi, nz));
            }
        }
        return s;
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

    private double bspline(double x, double y, double z) {
        int x0 = (int) Math.floor(x) - 1;
        int y0 = (int) Math.floor(y) - 1;
        int z0 = (int) Math.floor(z) - 1;
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
                    if (wx != 0) {
                        s += wz * wy * wx * coef[mirror(x0 + d, nx) + nx * (yi + ny * zi)];
                    }
                }
            }
        }
        return s;
    }
}
