package org.radstream.radiomics.preprocess;

import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;

/**
 * An image cropped to the bounding box of the ROI (PyRadiomics {@code cropToTumorMask} with no
 * padding), as flat primitive arrays, x fastest (the memory layout of a numpy array indexed
 * {@code [z, y, x]}): intensities, the ROI mask, and the voxel spacing.
 *
 * @param nx grid size along x (numpy axis 2)
 * @param ny grid size along y (numpy axis 1)
 * @param nz grid size along z (numpy axis 0)
 * @param spacing voxel size in mm, x, y, z
 * @param values intensities, {@code nx*ny*nz}
 * @param mask true for ROI voxels
 * @param count number of ROI voxels
 */
public record CroppedRoi(int nx, int ny, int nz, double[] spacing, float[] values, boolean[] mask, int count) {

    /** Crops {@code image} and the voxels of {@code mask} equal to {@code label} to {@code box}. */
    public static CroppedRoi crop(Volume image, LabelMap mask, int label, BoundingBox box) {
        int nx = box.sizeX();
        int ny = box.sizeY();
        int nz = box.sizeZ();
        int n = nx * ny * nz;
        float[] v = new float[n];
        boolean[] m = new boolean[n];
        int count = 0;
        int inx = image.geometry().nx();
        int iny = image.geometry().ny();
        float[] src = image.voxels();
        int[] lab = mask.labels();
        int o = 0;
        for (int z = box.z0(); z <= box.z1(); z++) {
            for (int y = box.y0(); y <= box.y1(); y++) {
                int base = box.x0() + inx * (y + iny * z);
                for (int x = 0; x < nx; x++, o++) {
                    v[o] = src[base + x];
                    if (lab[base + x] == label) {
                        m[o] = true;
                        count++;
                    }
                }
            }
        }
        return new CroppedRoi(nx, ny, nz, image.geometry().spacing(), v, m, count);
    }

    /** Intensities of the ROI voxels in memory order. */
    public double[] roiValues() {
        double[] out = new double[count];
        int k = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                out[k++] = values[i];
            }
        }
        return out;
    }

    /** Size along numpy axis {@code d} (0 = z, 1 = y, 2 = x). */
    public int sizeNumpy(int d) {
        return d == 0 ? nz : d == 1 ? ny : nx;
    }

    /** Spacing along numpy axis {@code d} (0 = z, 1 = y, 2 = x). */
    public double spacingNumpy(int d) {
        return spacing[2 - d];
    }
}
