package org.radstream.imaging.preprocess;

import org.radstream.imaging.Volume;

/**
 * Z-score normalisation with PyRadiomics' {@code normalizeImage} semantics (settings {@code normalize},
 * {@code normalizeScale}, {@code removeOutliers}), over all voxels of the image, not only the ROI:
 * <pre>
 *   μ = Σx / N,  σ = √( (Σx² − (Σx)²/N) / (N − 1) )       (ITK StatisticsImageFilter, as sitk.Normalize)
 *   z = (x − μ) / σ
 *   z = clamp(z, −n, n)                                 (only when removeOutliers = n is set)
 *   f(x) = s · z                                        (s = normalizeScale)
 * </pre>
 * Outliers are clipped after normalising and before scaling, as PyRadiomics does.
 */
public final class ZScoreNormalizer {

    private ZScoreNormalizer() {
    }

    /**
     * @param scale          normalizeScale (PyRadiomics default 1)
     * @param removeOutliers n in standard deviations, or NaN to keep outliers (PyRadiomics default: off)
     */
    public static Volume normalize(Volume image, double scale, double removeOutliers) {
        float[] x = image.voxels();
        double sum = 0;
        double sumSq = 0;
        for (float f : x) {
            sum += f;
            sumSq += (double) f * f;
        }
        int n = x.length;
        double mean = sum / n;
        double variance = n > 1 ? (sumSq - sum * sum / n) / (n - 1) : 0;
        double sigma = Math.sqrt(Math.max(variance, 0));
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("cannot z-score a constant image (standard deviation 0)");
        }
        float[] out = new float[n];
        boolean clip = !Double.isNaN(removeOutliers);
        for (int i = 0; i < n; i++) {
            double z = (x[i] - mean) / sigma;
            if (clip) {
                z = Math.max(-removeOutliers, Math.min(removeOutliers, z));
            }
            out[i] = (float) (scale * z);
        }
        return new Volume(image.geometry(), out);
    }
}
