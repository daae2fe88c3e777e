package org.radstream.imaging.roi;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;

/**
 * The ROI's largest cross-section along the slice axis (k): the slice with the most ROI voxels, ties
 * to the lower k. Area = voxels × spacing_x × spacing_y.
 *
 * @param slice   k index of the slice
 * @param voxels  ROI voxels in that slice
 * @param areaMm2 their area in mm²
 */
public record CrossSection(int slice, int voxels, double areaMm2) {

    /** Largest cross-section of {@code label}; voxels 0 and slice −1 when the label is absent. */
    public static CrossSection maximum(LabelMap mask, int label) {
        Geometry g = mask.geometry();
        int plane = g.nx() * g.ny();
        int best = -1;
        int bestCount = 0;
        int[] l = mask.labels();
        for (int k = 0; k < g.nz(); k++) {
            int c = 0;
            for (int i = k * plane; i < (k + 1) * plane; i++) {
                if (l[i] == label) {
                    c++;
                }
            }
            if (c > bestCount) {
                bestCount = c;
                best = k;
            }
        }
        return new CrossSection(best, bestCount, bestCount * g.spacing(0) * g.spacing(1));
    }

    /** A copy of the mask keeping only {@code label} voxels on slice k (as 1). */
    public static LabelMap keepSlice(LabelMap mask, int label, int k) {
        Geometry g = mask.geometry();
        int plane = g.nx() * g.ny();
        int[] out = new int[g.voxelCount()];
        for (int i = k * plane; i < (k + 1) * plane; i++) {
            out[i] = mask.labels()[i] == label ? 1 : 0;
        }
        return new LabelMap(g, out);
    }
}
