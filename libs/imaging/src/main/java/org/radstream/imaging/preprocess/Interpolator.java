package org.radstream.imaging.preprocess;

/** Image interpolation for resampling, named after the SimpleITK interpolators PyRadiomics accepts. */
public enum Interpolator {
    /** sitkNearestNeighbor: value of the nearest voxel (half-integer indices round up). */
    NEAREST,
    /** sitkLinear: trilinear, border voxels replicated within half a voxel of the edge. */
    LINEAR,
    /** sitkBSpline (PyRadiomics' default): cubic B-spline interpolation with mirror boundaries. */
    BSPLINE
}
