package org.radstream.imaging.preprocess;

import org.radstream.imaging.Geometry;

/**
 * The output grid of PyRadiomics' {@code resampleImage} (radiomics/imageoperations.py), shared by
 * {@link RoiPreprocessor} and the radiomics module's preprocessing.
 *
 * <p>With the ROI bounding box {@code lo}, {@code size} on the mask grid (spacing s, n voxels per axis),
 * new spacing s' and r = s / s':
 * <pre>
 *   L = max(0, ⌊(lo − ½) r − pad⌋)        U = min(⌈n r⌉ − 1, ⌈(lo + size − ½) r + pad⌉)
 *   size' = U − L + 1                     origin' = mask.indexToPhysical(½ (s' − s)/s + L / r)
 * </pre>
 * and the mask's direction.
 */
public final class ResamplingGrid {

    private ResamplingGrid() {
    }

    /**
     * The spacing actually used: {@code requested}, except that 0 and every axis along which the ROI is
     * one voxel thick take the mask's spacing (PyRadiomics does not resample those axes).
     */
    public static double[] spacing(double[] requested, double[] maskSpacing, int[] roiSize) {
        double[] s = requested.clone();
        for (int a = 0; a < 3; a++) {
            if (s[a] == 0 || roiSize[a] == 1) {
                s[a] = maskSpacing[a];
            }
        }
        return s;
    }

    /**
     * PyRadiomics' test for "no interpolation needed", {@code numpy.allclose(imageSpacing, spacing)} with
     * numpy's defaults: {@code |a − b| ≤ 1e-8 + 1e-5·|b|} on every axis (b = new spacing).
     */
    public static boolean sameSpacing(double[] imageSpacing, double[] spacing) {
        for (int a = 0; a < 3; a++) {
            if (!(Math.abs(imageSpacing[a] - spacing[a]) <= 1e-8 + 1e-5 * Math.abs(spacing[a]))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The grid of spacing {@code spacing} covering the ROI box ({@code lo}, {@code size}, voxel indices
     * on {@code mask}) plus {@code pad} new voxels per side, clipped to the mask's extent.
     */
    public static Geometry around(Geometry mask, int[] lo, int[] size, double[] spacing, int pad) {
        double[] maskSpacing = mask.spacing();
        int[] n = {mask.nx(), mask.ny(), mask.nz()};
        int[] newSize = new int[3];
        double[] originIndex = new double[3];
        for (int a = 0; a < 3; a++) {
            double r = maskSpacing[a] / spacing[a];
            double lower = Math.floor((lo[a] - 0.5) * r - pad);
            double upper = Math.ceil((lo[a] + size[a] - 0.5) * r + pad);
            double maxUpper = Math.ceil(n[a] * r) - 1;
            lower = Math.max(lower, 0);
            upper = Math.min(upper, maxUpper);
            newSize[a] = (int) (upper - lower + 1);
            originIndex[a] = 0.5 * (spacing[a] - maskSpacing[a]) / maskSpacing[a] + lower / r;
        }
        return new Geometry(newSize[0], newSize[1], newSize[2], spacing.clone(),
                mask.indexToPhysical(originIndex[0], originIndex[1], originIndex[2]), mask.direction());
    }
}
