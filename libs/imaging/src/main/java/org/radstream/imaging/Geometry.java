package org.radstream.imaging;

import java.util.Arrays;

/**
 * Voxel grid of a 3D image in patient coordinates (DICOM LPS, mm), as ITK/SimpleITK define it:
 * {@code position(i,j,k) = origin + direction · diag(spacing) · (i,j,k)}, where {@code direction} is a
 * 3×3 matrix stored row-major whose columns are the unit directions of the i, j and k axes.
 * Voxel (i,j,k) is stored at index {@code i + nx*(j + ny*k)} (x fastest).
 */
public record Geometry(int nx, int ny, int nz, double[] spacing, double[] origin, double[] direction) {

    public Geometry {
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new IllegalArgumentException("grid size must be positive, got " + nx + "x" + ny + "x" + nz);
        }
        if (spacing.length != 3 || origin.length != 3 || direction.length != 9) {
            throw new IllegalArgumentException("spacing and origin need 3 values, direction 9");
        }
        for (double s : spacing) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("spacing must be positive and finite, got " + Arrays.toString(spacing));
            }
        }
        spacing = spacing.clone();
        origin = origin.clone();
        direction = direction.clone();
    }

    /** Identity direction, origin 0. */
    public static Geometry of(int nx, int ny, int nz, double sx, double sy, double sz) {
        return new Geometry(nx, ny, nz, new double[] {sx, sy, sz}, new double[3],
                new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
    }

    public int voxelCount() {
        return Math.multiplyExact(Math.multiplyExact(nx, ny), nz);
    }

    public int index(int i, int j, int k) {
        return i + nx * (j + ny * k);
    }

    @Override
    public double[] spacing() {
        return spacing.clone();
    }

    @Override
    public double[] origin() {
        return origin.clone();
    }

    @Override
    public double[] direction() {
        return direction.clone();
    }

    public double spacing(int axis) {
        return spacing[axis];
    }

    /** Patient position (mm) of continuous voxel index (i, j, k). */
    public double[] indexToPhysical(double i, double j, double k) {
        double a = i * spacing[0];
        double b = j * spacing[1];
        double c = k * spacing[2];
        return new double[] {
            origin[0] + direction[0] * a + direction[1] * b + direction[2] * c,
            origin[1] + direction[3] * a + direction[4] * b + direction[5] * c,
            origin[2] + direction[6] * a + direction[7] * b + direction[8] * c,
        };
    }

    /** Continuous voxel index of patient position {@code p} (mm); direction must be orthonormal. */
    public double[] physicalToIndex(double[] p) {
        double dx = p[0] - origin[0];
        double dy = p[1] - origin[1];
        double dz = p[2] - origin[2];
        // inverse of an orthonormal matrix is its transpose
        return new double[] {
            (direction[0] * dx + direction[3] * dy + direction[6] * dz) / spacing[0],
            (direction[1] * dx + direction[4] * dy + direction[7] * dz) / spacing[1],
            (direction[2] * dx + direction[5] * dy + direction[8] * dz) / spacing[2],
        };
    }

    public Geometry withSize(int nx, int ny, int nz) {
        return new Geometry(nx, ny, nz, spacing, origin, direction);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Geometry g && nx == g.nx && ny == g.ny && nz == g.nz
                && Arrays.equals(spacing, g.spacing) && Arrays.equals(origin, g.origin)
                && Arrays.equals(direction, g.direction);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * (31 * nx + ny) + nz) + Arrays.hashCode(spacing)) + Arrays.hashCode(origin);
    }

    @Override
    public String toString() {
        return "Geometry[" + nx + "x" + ny + "x" + nz + ", spacing=" + Arrays.toString(spacing)
                + ", origin=" + Arrays.toString(origin) + ", direction=" + Arrays.toString(direction) + "]";
    }
}
