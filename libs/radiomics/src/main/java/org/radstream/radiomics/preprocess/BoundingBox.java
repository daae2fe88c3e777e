package org.radstream.radiomics.preprocess;

import org.radstream.imaging.LabelMap;

/**
 * Inclusive voxel bounding box of a label (SimpleITK {@code LabelStatisticsImageFilter.GetBoundingBox}:
 * lower and upper index per axis, x, y, z).
 */
public record BoundingBox(int x0, int x1, int y0, int y1, int z0, int z1) {

    /** Bounding box of {@code label} in {@code mask}, or null when the label is absent. */
    public static BoundingBox of(LabelMap mask, int label) {
        int nx = mask.geometry().nx();
        int ny = mask.geometry().ny();
        int nz = mask.geometry().nz();
        int[] l = mask.labels();
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int z0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        int z1 = -1;
        int i = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    if (l[i] == label) {
                        x0 = Math.min(x0, x);
                        x1 = Math.max(x1, x);
                        y0 = Math.min(y0, y);
                        y1 = Math.max(y1, y);
                        z0 = Math.min(z0, z);
                        z1 = Math.max(z1, z);
                    }
                }
            }
        }
        return x1 < 0 ? null : new BoundingBox(x0, x1, y0, y1, z0, z1);
    }

    public int sizeX() {
        return x1 - x0 + 1;
    }

    public int sizeY() {
        return y1 - y0 + 1;
    }

    public int sizeZ() {
        return z1 - z0 + 1;
    }

    /** Number of axes along which the box spans more than one voxel. */
    public int dimensions() {
        return (sizeX() > 1 ? 1 : 0) + (sizeY() > 1 ? 1 : 0) + (sizeZ() > 1 ? 1 : 0);
    }

    /** Grown by {@code pad} voxels on every side, clipped to a grid of the given size. */
    public BoundingBox padded(int pad, int nx, int ny, int nz) {
        return new BoundingBox(Math.max(0, x0 - pad), Math.min(nx - 1, x1 + pad), Math.max(0, y0 - pad),
                Math.min(ny - 1, y1 + pad), Math.max(0, z0 - pad), Math.min(nz - 1, z1 + pad));
    }

    /** PyRadiomics' diagnostics form: (x0, y0, z0, sizeX, sizeY, sizeZ). */
    public String pyradiomicsString() {
        return "(" + x0 + ", " + y0 + ", " + z0 + ", " + sizeX() + ", " + sizeY() + ", " + sizeZ() + ")";
    }
}
