package org.radstream.radiomics.filters;

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

    /**
     * PyRadiomics name {@code log-sigma-<σ with '.' → '-'>-mm-3D}, σ as Python prints the parameter-file value
     * ({@code 2.0} → {@code log-sigma-2-0-mm-3D}, {@code 2} → {@code log-sigma-2-mm-3D}).
     */
    public static String name(String sigmaText) {
        return "log-sigma-" + sigmaText.replace('.', '-') + "-mm-3D";
    }

    /** The filtered image, or null when PyRadiomics would skip this sigma. */
    public static Volume apply(Volume image, double sigmaMm) {
        return apply(image, sigmaMm, null, null);
    }

    /**
     * As {@link #apply(Volume, double)}, evaluated only inside the box [lo, hi] (voxel indices x, y, z,
     * inclusive; null for the whole image); voxels outside the box are 0.
     */
    public static Volume apply(Volume image, double sigmaMm, int[] lo, int[] hi) {
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
        // passes z, then y, then x; each evaluated only where the following passes read it
        boolean[][] needX = SeparablePass.box(n, lo, hi);
        boolean[][] needY = SeparablePass.widen(needX, 0, gk[0].length, gk[0].length / 2, false);
        boolean[][] needZ = SeparablePass.widen(needY, 1, gk[1].length, gk[1].length / 2, false);
        double[] gz = SeparablePass.apply(in, n, 2, gk[2], gk[2].length / 2, false, needZ);
        double[] dz = SeparablePass.apply(in, n, 2, dk[2], dk[2].length / 2, false, needZ);
        double[] gyGz = SeparablePass.apply(gz, n, 1, gk[1], gk[1].length / 2, false, needY);
        double[] dyGz = SeparablePass.apply(gz, n, 1, dk[1], dk[1].length / 2, false, needY);
        double[] gyDz = SeparablePass.apply(dz, n, 1, gk[1], gk[1].length / 2, false, needY);
        double[] a = SeparablePass.apply(gyGz, n, 0, dk[0], dk[0].length / 2, false, needX);
        double[] b = SeparablePass.apply(dyGz, n, 0, gk[0], gk[0].length / 2, false, needX);
        double[] c = SeparablePass.apply(gyDz, n, 0, gk[0], gk[0].length / 2, false, needX);
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
}
