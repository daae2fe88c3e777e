package org.radstream.imaging.preprocess;

/**
 * Cubic B-spline interpolation coefficients of a 3D image, as ITK's BSplineDecompositionImageFilter
 * computes them for {@code sitkBSpline} (order 3): along each axis the samples are filtered by the
 * causal/anti-causal recursive filter with pole {@code z = √3 − 2} and gain {@code (1 − z)(1 − 1/z) = 6},
 * the causal filter initialised from the mirror-symmetric extension of the signal (Unser, "Splines:
 * a perfect fit for signal and image processing", IEEE SPM 1999; ITK uses a 1e-10 horizon tolerance).
 * The interpolant then passes exactly through every sample. Lines of at most 18 samples (the 1e-10 horizon)
 * get the exact mirror initialisation, the same as SciPy's {@code spline_filter} (mode mirror); longer lines
 * differ from SciPy's full sum by less than 1e-10 of the signal.
 */
public final class BSplineCoefficients {
    static final double POLE = Math.sqrt(3.0) - 2.0;
    private static final double TOLERANCE = 1e-10;

    private BSplineCoefficients() {
    }

    /** Coefficients (x fastest) of the given samples; the input is not modified. */
    public static double[] of(float[] samples, int nx, int ny, int nz) {
        double[] c = new double[samples.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = samples[i];
        }
        int[] n = {nx, ny, nz};
        int[] stride = {1, nx, nx * ny};
        for (int axis = 0; axis < 3; axis++) {
            int len = n[axis];
            if (len == 1) {
                continue;
            }
            double[] line = new double[len];
            int a1 = (axis + 1) % 3;
            int a2 = (axis + 2) % 3;
            for (int p = 0; p < n[a1]; p++) {
                for (int q = 0; q < n[a2]; q++) {
                    int base = p * stride[a1] + q * stride[a2];
                    for (int t = 0; t < len; t++) {
                        line[t] = c[base + t * stride[axis]];
                    }
                    filter(line);
                    for (int t = 0; t < len; t++) {
                        c[base + t * stride[axis]] = line[t];
                    }
                }
            }
        }
        return c;
    }

    /** In-place 1D decomposition of a line of length ≥ 2. */
    static void filter(double[] c) {
        int n = c.length;
        double z = POLE;
        double gain = (1 - z) * (1 - 1 / z);
        for (int k = 0; k < n; k++) {
            c[k] *= gain;
        }
        c[0] = initialCausal(c, z);
        for (int k = 1; k < n; k++) {
            c[k] += z * c[k - 1];
        }
        c[n - 1] = (z / (z * z - 1)) * (z * c[n - 2] + c[n - 1]);
        for (int k = n - 2; k >= 0; k--) {
            c[k] = z * (c[k + 1] - c[k]);
        }
    }

    /** c⁺(0) for the mirror-symmetric extension (ITK SetInitialCausalCoefficient). */
    private static double initialCausal(double[] c, double z) {
        int n = c.length;
        int horizon = (int) Math.ceil(StrictMath.log(TOLERANCE) / StrictMath.log(Math.abs(z)));
        if (horizon < n) { // accelerated loop
            double zn = z;
            double sum = c[0];
            for (int k = 1; k < horizon; k++) {
                sum += zn * c[k];
                zn *= z;
            }
            return sum;
        }
        // full loop
        double zn = z;
        double iz = 1.0 / z;
        double z2n = StrictMath.pow(z, n - 1); // StrictMath: the same bits on every platform
        double sum = c[0] + z2n * c[n - 1];
        z2n *= z2n * iz;
        for (int k = 1; k <= n - 2; k++) {
            sum += (zn + z2n) * c[k];
            zn *= z;
            z2n *= iz;
        }
        return sum / (1 - zn * zn);
    }

    /** Cubic B-spline weights for the 4 samples floor(x)−1 … floor(x)+2 at fractional offset t = x − floor(x). */
    public static void weights(double t, double[] w) {
        double u = 1 - t;
        w[0] = u * u * u / 6;
        w[1] = (4 - 6 * t * t + 3 * t * t * t) / 6;
        w[2] = (4 - 6 * u * u + 3 * u * u * u) / 6;
        w[3] = t * t * t / 6;
    }

    /** Mirror index into [0, n−1] without edge repetition (ITK ApplyMirrorBoundaryConditions). */
    public static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
