package org.radstream.imaging.preprocess;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.LabelMap;
import org.radstream.imaging.Volume;

/**
 * Resamples images and masks onto a target grid through patient coordinates, like ITK's
 * ResampleImageFilter with an identity transform: each target voxel centre p is mapped to the
 * source continuous index {@code x = D⁻¹ (p − o) / s}; points outside
 * {@code [−0.5, n − 0.5)} on any axis get the default value 0.
 *
 * <ul>
 * <li>{@link Interpolator#NEAREST}: value at {@code round-half-up(x)};</li>
 * <li>{@link Interpolator#LINEAR}: trilinear on the 8 neighbours, indices clamped to the grid;</li>
 * <li>{@link Interpolator#BSPLINE}: {@code Σ c[j] β³(x − j)} over the 4×4×4 coefficients around x
 *     ({@link BSplineCoefficients}), mirror boundaries.</li>
 * </ul>
 * Deterministic: single-threaded, fixed summation order.
 */
public final class Resampler {

    private Resampler() {
    }

    public static Volume resample(Volume source, Geometry target, Interpolator interpolator) {
        return resample(source, target, interpolator, false);
    }

    /**
     * As {@link #resample(Volume, Geometry, Interpolator)}; with {@code integerOutput} each interpolated
     * value is truncated toward zero, as ITK casts the interpolator's double to an integer output pixel
     * type (SimpleITK's ResampleImageFilter keeps the input's pixel type when PyRadiomics resamples).
     */
    public static Volume resample(Volume source, Geometry target, Interpolator interpolator, boolean integerOutput) {
        Geometry sg = source.geometry();
        float[] out = new float[target.voxelCount()];
        double[] coeffs = interpolator == Interpolator.BSPLINE
                ? BSplineCoefficients.of(source.voxels(), sg.nx(), sg.ny(), sg.nz()) : null;
        Sampler s = new Sampler(sg, source.voxels(), coeffs);
        int idx = 0;
        for (int k = 0; k < target.nz(); k++) {
            for (int j = 0; j < target.ny(); j++) {
                for (int i = 0; i < target.nx(); i++) {
                    double[] x = sg.physicalToIndex(target.indexToPhysical(i, j, k));
                    double v = s.inside(x) ? s.sample(interpolator, x) : 0.0;
                    out[idx++] = (float) (integerOutput ? (v < 0 ? Math.ceil(v) : Math.floor(v)) : v);
                }
            }
        }
        return new Volume(target, out);
    }

    /**
     * Carries the voxels equal to {@code label} of a mask onto {@code target} as a 0/1 label map:
     * nearest neighbour, or linear interpolation of the binary mask thresholded at {@code threshold}.
     */
    public static LabelMap resampleMask(LabelMap mask, int label, Geometry target, MaskInterpolation how, double threshold) {
        Geometry mg = mask.geometry();
        float[] binary = new float[mg.voxelCount()];
        int[] labels = mask.labels();
        for (int i = 0; i < binary.length; i++) {
            binary[i] = labels[i] == label ? 1f : 0f;
        }
        Sampler s = new Sampler(mg, binary, null);
        int[] out = new int[target.voxelCount()];
        int idx = 0;
        for (int k = 0; k < target.nz(); k++) {
            for (int j = 0; j < target.ny(); j++) {
                for (int i = 0; i < target.nx(); i++) {
                    double[] x = mg.physicalToIndex(target.indexToPhysical(i, j, k));
                    int v = 0;
                    if (s.inside(x)) {
                        v = how == MaskInterpolation.NEAREST ? (s.sample(Interpolator.NEAREST, x) > 0.5 ? 1 : 0)
                                : (s.sample(Interpolator.LINEAR, x) >= threshold ? 1 : 0);
                    }
                    out[idx++] = v;
                }
            }
        }
        return new LabelMap(target, out);
    }

    /**
     * Nearest-neighbour resampling of a whole label map onto {@code target}, every label kept (0 outside
     * the source grid): SimpleITK's ResampleImageFilter with {@code sitkNearestNeighbor}, as PyRadiomics
     * carries masks onto a new grid.
     */
    public static LabelMap resampleLabels(LabelMap labels, Geometry target) {
        Geometry lg = labels.geometry();
        int[] src = labels.labels();
        Sampler s = new Sampler(lg, null, null);
        int[] out = new int[target.voxelCount()];
        int idx = 0;
        for (int k = 0; k < target.nz(); k++) {
            for (int j = 0; j < target.ny(); j++) {
                for (int i = 0; i < target.nx(); i++) {
                    double[] x = lg.physicalToIndex(target.indexToPhysical(i, j, k));
                    out[idx++] = s.inside(x) ? src[s.nearest(x)] : 0;
                }
            }
        }
        return new LabelMap(target, out);
    }

    /** Interpolation on one source grid. */
    private static final class Sampler {
        final int nx;
        final int ny;
        final int nz;
        final float[] v;
        final double[] c;
        final double[] wx = new double[4];
        final double[] wy = new double[4];
        final double[] wz = new double[4];

        Sampler(Geometry g, float[] v, double[] coefficients) {
            this.nx = g.nx();
            this.ny = g.ny();
            this.nz = g.nz();
            this.v = v;
            this.c = coefficients;
        }

        boolean inside(double[] x) {
            return x[0] >= -0.5 && x[0] < nx - 0.5 && x[1] >= -0.5 && x[1] < ny - 0.5 && x[2] >= -0.5 && x[2] < nz - 0.5;
        }

        double sample(Interpolator how, double[] x) {
            return switch (how) {
                case NEAREST -> v[nearest(x)];
                case LINEAR -> linear(x);
                case BSPLINE -> bspline(x);
            };
        }

        /** Flat index of the voxel nearest to x (half-integer indices round up, ITK RoundHalfIntegerUp). */
        int nearest(double[] x) {
            return idx(roundHalfUp(x[0]), roundHalfUp(x[1]), roundHalfUp(x[2]));
        }

        private static int roundHalfUp(double x) {
            return (int) Math.floor(x + 0.5);
        }

        private int idx(int i, int j, int k) {
            return i + nx * (j + ny * k);
        }

        private double linear(double[] x) {
            int i0 = (int) Math.floor(x[0]);
            int j0 = (int) Math.floor(x[1]);
            int k0 = (int) Math.floor(x[2]);
            double fx = x[0] - i0;
            double fy = x[1] - j0;
            double fz = x[2] - k0;
            double sum = 0;
            for (int dk = 0; dk <= 1; dk++) {
                double w3 = dk == 0 ? 1 - fz : fz;
                if (w3 == 0) {
                    continue;
                }
                int k = clamp(k0 + dk, nz);
                for (int dj = 0; dj <= 1; dj++) {
                    double w2 = dj == 0 ? 1 - fy : fy;
                    if (w2 == 0) {
                        continue;
                    }
                    int j = clamp(j0 + dj, ny);
                    for (int di = 0; di <= 1; di++) {
                        double w1 = di == 0 ? 1 - fx : fx;
                        if (w1 == 0) {
                            continue;
                        }
                        sum += w1 * w2 * w3 * v[idx(clamp(i0 + di, nx), j, k)];
                    }
                }
            }
            return sum;
        }

        private static int clamp(int i, int n) {
            return i < 0 ? 0 : i >= n ? n - 1 : i;
        }

        private double bspline(double[] x) {
            int i0 = (int) Math.floor(x[0]) - 1;
            int j0 = (int) Math.floor(x[1]) - 1;
            int k0 = (int) Math.floor(x[2]) - 1;
            BSplineCoefficients.weights(x[0] - Math.floor(x[0]), wx);
            BSplineCoefficients.weights(x[1] - Math.floor(x[1]), wy);
            BSplineCoefficients.weights(x[2] - Math.floor(x[2]), wz);
            double sum = 0;
            for (int c3 = 0; c3 < 4; c3++) {
                int k = BSplineCoefficients.mirror(k0 + c3, nz);
                double sy = 0;
                for (int c2 = 0; c2 < 4; c2++) {
                    int j = BSplineCoefficients.mirror(j0 + c2, ny);
                    int row = nx * (j + ny * k);
                    double sx = 0;
                    for (int c1 = 0; c1 < 4; c1++) {
                        sx += wx[c1] * c[row + BSplineCoefficients.mirror(i0 + c1, nx)];
                    }
                    sy += wy[c2] * sx;
                }
                sum += wz[c3] * sy;
            }
            return sum;
        }
    }
}
