package org.radstream.imaging.preprocess;

/** How a binary ROI mask is carried onto a new grid. */
public enum MaskInterpolation {
    /** Nearest neighbour, as PyRadiomics resamples masks. */
    NEAREST,
    /**
     * Partial-volume: the 0/1 mask is interpolated trilinearly and a voxel is kept when the result is
     * at least {@link PreprocessingSettings#partialVolumeThreshold()} (IBSI 1, §2.4 "mask interpolation",
     * threshold 0.5).
     */
    PARTIAL_VOLUME
}
