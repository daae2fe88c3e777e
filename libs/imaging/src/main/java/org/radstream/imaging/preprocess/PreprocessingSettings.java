package org.radstream.imaging.preprocess;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of the study's preprocessing (DESIGN §1 step 1), named after PyRadiomics' settings.
 *
 * @param resampledPixelSpacing target spacing in mm (x, y, z); default 1, 1, 1 (the study). A 0 keeps the
 *                              mask's spacing on that axis; an axis the ROI spans with a single voxel is never
 *                              resampled (PyRadiomics rule, so a one-slice ROI keeps its slice thickness)
 * @param interpolator          image interpolator; default {@link Interpolator#BSPLINE} (PyRadiomics default)
 * @param maskInterpolation     default {@link MaskInterpolation#NEAREST} (PyRadiomics)
 * @param partialVolumeThreshold threshold for {@link MaskInterpolation#PARTIAL_VOLUME}; default 0.5
 * @param normalize             z-score the image before resampling; default true (the study)
 * @param normalizeScale        default 1
 * @param removeOutliers        clip z-scores to ±n; NaN (default) keeps them
 * @param padDistance           voxels of the resampled grid kept around the ROI bounding box; default 10,
 *                              twice PyRadiomics' 5, so LoG σ = 3 mm and wavelet level-1 filters see real
 *                              neighbours instead of the crop border
 * @param label                 mask label of the ROI; default 1
 */
public record PreprocessingSettings(double[] resampledPixelSpacing, Interpolator interpolator,
        MaskInterpolation maskInterpolation, double partialVolumeThreshold, boolean normalize, double normalizeScale,
        double removeOutliers, int padDistance, int label) {

    public static final PreprocessingSettings STUDY = new PreprocessingSettings(new double[] {1, 1, 1},
            Interpolator.BSPLINE, MaskInterpolation.NEAREST, 0.5, true, 1, Double.NaN, 10, 1);

    public PreprocessingSettings {
        Objects.requireNonNull(interpolator, "interpolator");
        Objects.requireNonNull(maskInterpolation, "maskInterpolation");
        if (resampledPixelSpacing == null || resampledPixelSpacing.length != 3) {
            throw new IllegalArgumentException("resampledPixelSpacing needs 3 values");
        }
        for (double s : resampledPixelSpacing) {
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("resampledPixelSpacing must be ≥ 0 and finite, got " + Arrays.toString(resampledPixelSpacing));
            }
        }
        if (!(partialVolumeThreshold > 0 && partialVolumeThreshold <= 1)) {
            throw new IllegalArgumentException("partialVolumeThreshold must be in (0, 1], got " + partialVolumeThreshold);
        }
        if (!(normalizeScale > 0) || Double.isInfinite(normalizeScale)) {
            throw new IllegalArgumentException("normalizeScale must be positive, got " + normalizeScale);
        }
        if (!Double.isNaN(removeOutliers) && !(removeOutliers > 0)) {
            throw new IllegalArgumentException("removeOutliers must be positive or NaN (off), got " + removeOutliers);
        }
        if (padDistance < 0) {
            throw new IllegalArgumentException("padDistance must be ≥ 0, got " + padDistance);
        }
        resampledPixelSpacing = resampledPixelSpacing.clone();
    }

    @Override
    public double[] resampledPixelSpacing() {
        return resampledPixelSpacing.clone();
    }

    public PreprocessingSettings withInterpolator(Interpolator i) {
        return new PreprocessingSettings(resampledPixelSpacing, i, maskInterpolation, partialVolumeThreshold, normalize,
                normalizeScale, removeOutliers, padDistance, label);
    }

    public PreprocessingSettings withMaskInterpolation(MaskInterpolation m) {
        return new PreprocessingSettings(resampledPixelSpacing, interpolator, m, partialVolumeThreshold, normalize,
                normalizeScale, removeOutliers, padDistance, label);
    }

    public PreprocessingSettings withPadDistance(int pad) {
        return new PreprocessingSettings(resampledPixelSpacing, interpolator, maskInterpolation, partialVolumeThreshold,
                normalize, normalizeScale, removeOutliers, pad, label);
    }

    public PreprocessingSettings withRemoveOutliers(double n) {
        return new PreprocessingSettings(resampledPixelSpacing, interpolator, maskInterpolation, partialVolumeThreshold,
                normalize, normalizeScale, n, padDistance, label);
    }

    public PreprocessingSettings withResampledPixelSpacing(double... spacing) {
        return new PreprocessingSettings(spacing, interpolator, maskInterpolation, partialVolumeThreshold, normalize,
                normalizeScale, removeOutliers, padDistance, label);
    }

    public PreprocessingSettings withNormalize(boolean on) {
        return new PreprocessingSettings(resampledPixelSpacing, interpolator, maskInterpolation, partialVolumeThreshold, on,
                normalizeScale, removeOutliers, padDistance, label);
    }

    /** Canonical text of every setting, in a fixed order (what {@link #hash()} digests). */
    public String canonical() {
        return String.format(Locale.ROOT,
                "resampledPixelSpacing=%s;interpolator=%s;maskInterpolation=%s;partialVolumeThreshold=%s;normalize=%s;"
                        + "normalizeScale=%s;removeOutliers=%s;padDistance=%d;label=%d",
                Arrays.toString(resampledPixelSpacing), interpolator, maskInterpolation, partialVolumeThreshold, normalize,
                normalizeScale, removeOutliers, padDistance, label);
    }

    /** SHA-256 (hex) of {@link #canonical()}: identifies the settings in provenance. */
    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreprocessingSettings p && canonical().equals(p.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    @Override
    public String toString() {
        return "PreprocessingSettings[" + canonical() + "]";
    }
}
