package org.radstream.radiomics.filters;

import java.util.Locale;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.Volume;

/**
 * Laplacian of Gaussian, scale-normalised, sigma in mm (PyRadiomics {@code getLoGImage}):
 * <pre>LoG_σ = σ² (∂²/∂x² + ∂²/∂y² + ∂²/∂z²)(G_σ ∗ I)</pre>
 * computed separably as {@code D_x G_y G_z + G_x D_y G_z + G_x G_y D_z} with sampled 1D Gaussian (G) and
 * second-derivative-of-Gaussian (D) kernels in voxel units {@code σ/spacing}, truncated at 4σ, G normalised
 * to sum 1 and D to zero sum with second moment 2 (exact on quadratics); edges replicated. PyRadiomics calls
 * ITK's recursive (Deriche IIR) approximation of the same operator, so values agree to the accuracy of that
 * approximation, not bit for bit. As in PyRadiomics, a sigma is skipped (null) when the image is smaller
 * than {@code ceil(σ/spacing) + 1} along an axis, and no LoG image is made for images under 4 voxels.
 */
public final class LogFilter {
    private LogFilter() {
    }

    /** PyRadiomics name {@code log-sigma-<σ with '.' → '-'>-mm-3D}, σ written as Python writes a float. */
    public static String name(double sigma) {
        String s = sigma == Math.rint(sigma) && Math.abs(sigma) < 1e15 ? String.format(Locale.ROOT, "%.1f", sigma)
                : Double.toString(sigma);
        return "log-sigma-" + s.replace('.', '-') + "-mm-3D";
    }

    /** The filtered image, or null when PyRadiomics would skip this sigma. */
    public static Volume apply(Volume image, double sigmaMm) {
        Geometry g = image.geometry();
        int[] n = {g.nx(), g.ny(), g.nz()};
        double[] sp = g.spacing();
        for (int d = 0; d < 3; d++) {
            if (n[d] < 4 || n[d] < Math.ceil(sigmaMm / sp[d]) + 1) {
                return null;
            }
        }
        double[][] gk = new double[3][];
        double[][] dk = new double[3][];
        for (int d = 0; d < 3; d++) {
            double s = sigmaMm / sp[d];
            gk[d] = gaussian(s);
            dk[d] = secondDerivative(s, sp[d]);
        }
        float[] v = image.voxels();
        double[] in = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            in[i] = v[i];
        }
        double[] gz = convolve(in, n, 2, gk[2]);
        double[] dz = convolve(in, n, 2, dk[2]);
        double[] gyGz = convolve(gz, n, 1, gk[1]);
        double[] dyGz = convolve(gz, n, 1, dk[1]);
        double[] gyDz = convolve(dz, n, 1, gk[1]);
        double[] a = convolve(gyGz, n, 0, dk[0]);
        double[] b = convolve(dyGz, n, 0, gk[0]);
        double[] c = convolve(gyDz, n, 0, gk[0]);
        float[] out = new float[v.length];
        double s2 = sigmaMm * sigmaMm;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (s2 * (a[i] + b[i] + c[i]));
        }
        return new Volume(g, out);
    }

    static double[] gaussian(double s) {
        int r = Math.max(1, (int) Math.ceil(4 * s));
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * s * s));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** d²G/dx² in mm⁻² units, corrected to zero sum and Σ k(i) (i·spacing)² = 2. */
    static double[] secondDerivative(double s, double spacing) {
        int r = Math.max(1, (int) Math.ceil(4 * s));
        double[] k = new double[2 * r + 1];
        for (int i = -r; i <= r; i++) {
            k[i + r] = (i * i - s * s) * Math.exp(-i * i / (2 * s * s));
        }
        double sum = 0;
        double wsum = 0;
        for (int i = -r; i <= r; i++) {
            sum += k[i + r];
            wsum += Math.exp(-i * i / (2 * s * s));
        }
        double mean = sum / wsum;
        double m2 = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] -= mean * Math.exp(-i * i / (2 * s * s));
            m2 += k[i + r] * i * i * spacing * spacing;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] *= 2 / m2;
        }
        return k;
    }

    /** Convolution along axis (0 = x, 1 = y, 2 = z) with a centred kernel; edges replicated. */
    static double[] convolve(double[] in, int[] n, int axis, double[] k) {
        int nx = n[0];
        int ny = n[1];
        int len = n[axis];
        int stride = axis == 0 ? 1 : axis == 1 ? nx : nx * ny;
        int r = k.length / 2;
        double[] out = new double[in.length];
        double[] line = new double[len + 2 * r];
        int lines = in.length / len;
        for (int l = 0; l < lines; l++) {
            int start = axis == 0 ? l * nx : axis == 1 ? (l % nx) + (l / nx) * nx * ny : l;
            for (int i = -r; i < len + r; i++) {
                line[i + r] = in[start + Math.min(Math.max(i, 0), len - 1) * stride];
            }
            for (int i = 0; i < len; i++) {
                double s = 0;
                for (int j = 0; j < k.length; j++) {
                    s += k[j] * line[i + k.length - 1 - j];
                }
                out[start + i * stride] = s;
            }
        }
        return out;
    }
}
