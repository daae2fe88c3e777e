package org.radstream.radiomics.preprocess;

import org.radstream.imaging.LabelMap;
import org.radstream.imaging.preprocess.RoiPreprocessor;

/**
 * Inclusive voxel bounding box of a label (SimpleITK {@code LabelStatisticsImageFilter.GetBoundingBox}:
 * lower and upper index per axis, x, y, z).
 */
public record BoundingBox(int x0, int x1, int y0, int y1, int z0, int z1) {

    /** Bounding box of {@code label} in {@code mask}, or null when the label is absent. */
    public static BoundingBox of(LabelMap mask, int label) {
        int[] b = RoiPreprocessor.boundingBox(mask, label);
        return b == null ? null : new BoundingBox(b[0], b[0] + b[3] - 1, b[1], b[1] + b[4] - 1, b[2], b[2] + b[5] - 1);
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
