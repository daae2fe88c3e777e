package org.radstream.imaging;

/**
 * An integer label image on a {@link Geometry} (x fastest): 0 is background, other values are
 * segment labels (1 for the tumour by default, as in PyRadiomics' {@code label} setting).
 */
public record LabelMap(Geometry geometry, int[] labels) {
    public LabelMap {
        if (labels.length != geometry.voxelCount()) {
            throw new IllegalArgumentException("label array has " + labels.length + " values, grid needs "
                    + geometry.voxelCount());
        }
    }

    public int get(int i, int j, int k) {
        return labels[geometry.index(i, j, k)];
    }

    /** Number of voxels carrying {@code label}. */
    public int count(int label) {
        int n = 0;
        for (int v : labels) {
            if (v == label) {
                n++;
            }
        }
        return n;
    }
}
