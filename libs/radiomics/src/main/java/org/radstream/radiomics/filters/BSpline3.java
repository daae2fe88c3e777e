package org.radstream.radiomics.filters;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.Volume;
import org.radstream.imaging.preprocess.BSplineCoefficients;

/**
 * Cubic B-spline interpolation of a volume (SciPy {@code map_coordinates(order=3)}, as PyRadiomics'
 * LBP-3D samples its spheres): the coefficients are the imaging library's
 * {@link BSplineCoefficients} (recursive prefilter, pole √3 − 2, mirror-symmetric boundaries, Unser 1999),
 * evaluated with the cubic B-spline weights; points more than half a voxel outside the grid give 0
 * ({@code mode='constant'}). Coordinates are numpy indices (z, y, x). What is specific here is the
 * per-vertex {@link Stencil}: voxel centres are integers, so a sphere vertex has the same weights everywhere.
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
        c = BSplineCoefficients.of(v.voxels(), nx, ny, nz);
    }

    private static int mirror(int i, int n) {
        return BSplineCoefficients.mirror(i, n);
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
        BSplineCoefficients.weights(dz - Math.floor(dz), wz);
        BSplineCoefficients.weights(dy - Math.floor(dy), wy);
        BSplineCoefficients.weights(dx - Math.floor(dx), wx);
        return new Stencil(dz, dy, dx, z0, y0, x0, wz, wy, wx);
    }

    /** Value at integer voxel (z, y, x) moved by the stencil's offset. */
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
}
