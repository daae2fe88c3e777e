package org.radstream.radiomics.filters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.radstream.imaging.Geometry;
import org.radstream.imaging.Volume;

/**
 * Undecimated (stationary) wavelet decomposition as PyRadiomics' {@code getWaveletImage} computes it with
 * PyWavelets' {@code swtn(level=1)}: along each transformed axis (x, then y, then z; the force2D axis is
 * skipped) the signal is filtered with the decomposition low-pass {@code h} or high-pass {@code g} filter
 * with periodic extension,
 * <pre>y[n] = Σ_k f[k] · x[(n + F/2 − k) mod N]</pre>
 * (F filter length). An axis of odd length is first padded with one wrapped sample and cropped afterwards.
 * The 2^d combinations are named by letter per axis in x, y, z order ({@code wavelet-LLH}: low-pass along x
 * and y, high-pass along z); the all-low-pass approximation comes last. Further levels repeat the level-1
 * transform on the approximation ({@code wavelet2-…}), as PyRadiomics does.
 *
 * <p>Filters: {@code haar}, {@code db1}–{@code db38} (Daubechies, by spectral factorisation of the
 * maximally flat half-band polynomial, minimum phase) and {@code coif1} (closed form with √7). PyWavelets'
 * other families (sym, coif2–5, bior, rbio, dmey) are not implemented and are rejected by name.
 */
public final class WaveletFilter {
    private WaveletFilter() {
    }

    public static boolean isKnown(String name) {
        return reconstructionLowPass(name) != null;
    }

    public static String knownWavelets() {
        return "haar, db1..db38, coif1";
    }

    /** PyWavelets' {@code rec_lo} (sum √2), or null if unsupported. */
    static double[] reconstructionLowPass(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("haar")) {
            return daubechies(1);
        }
        if (n.equals("coif1")) {
            double s7 = Math.sqrt(7);
            double d = 16 * Math.sqrt(2);
            return new double[] {(1 - s7) / d, (5 + s7) / d, (14 + 2 * s7) / d, (14 - 2 * s7) / d, (1 - s7) / d,
                (-3 + s7) / d};
        }
        if (n.matches("db([1-9]|[12][0-9]|3[0-8])")) {
            return daubechies(Integer.parseInt(n.substring(2)));
        }
        return null;
    }

    /** Decomposition low-pass (PyWavelets {@code dec_lo} = reversed {@code rec_lo}). */
    static double[] decLo(String name) {
        double[] r = reconstructionLowPass(name);
        double[] d = new double[r.length];
        for (int k = 0; k < r.length; k++) {
            d[k] = r[r.length - 1 - k];
        }
        return d;
    }

    /** Decomposition high-pass, the quadrature mirror {@code dec_hi[k] = (−1)^{k+1} dec_lo[F−1−k]}. */
    static double[] decHi(String name) {
        double[] lo = decLo(name);
        int f = lo.length;
        double[] hi = new double[f];
        for (int k = 0; k < f; k++) {
            hi[k] = ((k & 1) == 0 ? -1 : 1) * lo[f - 1 - k];
        }
        return hi;
    }

    /**
     * Daubechies scaling filter with N vanishing moments: zeros at z = −1 (order N) and the roots inside the
     * unit circle of {@code P(y) = Σ_{k<N} C(N−1+k, k) y^k} mapped through {@code y = −(z − 2 + 1/z)/4};
     * normalised to Σ h = √2.
     */
    static double[] daubechies(int n) {
        // roots of P(y) by Durand–Kerner
        int deg = n - 1;
        double[] coef = new double[deg + 1]; // ascending powers
        for (int k = 0; k <= deg; k++) {
            coef[k] = binomial(n - 1 + k, k);
        }
        double[][] yRoots = polyRoots(coef);
        // polynomial in x with roots: -1 (n times) and, for each y root, the z root inside the unit circle
        double[] re = {1};
        double[] im = {0};
        for (int k = 0; k < n; k++) {
            double[][] r = mulRoot(re, im, -1, 0);
            re = r[0];
            im = r[1];
        }
        for (double[] y : yRoots) {
            // z^2 - (2 - 4y) z + 1 = 0
            double bRe = 2 - 4 * y[0];
            double bIm = -4 * y[1];
            double[] disc = csqrt(bRe * bRe - bIm * bIm - 4, 2 * bRe * bIm);
            double z1Re = (bRe + disc[0]) / 2;
            double z1Im = (bIm + disc[1]) / 2;
            double z2Re = (bRe - disc[0]) / 2;
            double z2Im = (bIm - disc[1]) / 2;
            boolean first = Math.hypot(z1Re, z1Im) < Math.hypot(z2Re, z2Im);
            double[][] r = mulRoot(re, im, first ? z1Re : z2Re, first ? z1Im : z2Im);
            re = r[0];
            im = r[1];
        }
        double sum = 0;
        for (double x : re) {
            sum += x;
        }
        double[] h = new double[re.length];
        for (int k = 0; k < re.length; k++) {
            h[k] = re[k] * Math.sqrt(2) / sum;
        }
        return h;
    }

    private static double binomial(int n, int k) {
        double b = 1;
        for (int i = 1; i <= k; i++) {
            b = b * (n - k + i) / i;
        }
        return b;
    }

    private static double[] csqrt(double re, double im) {
        double m = Math.hypot(re, im);
        double r = Math.sqrt((m + re) / 2);
        double i = Math.copySign(Math.sqrt(Math.max(0, (m - re) / 2)), im);
        return new double[] {r, i};
    }

    /** Multiplies the descending-power complex polynomial (re, im) by (x − r). */
    private static double[][] mulRoot(double[] re, double[] im, double rRe, double rIm) {
        int n = re.length;
        double[] oRe = new double[n + 1];
        double[] oIm = new double[n + 1];
        for (int k = 0; k < n; k++) {
            oRe[k] += re[k];
            oIm[k] += im[k];
            oRe[k + 1] -= re[k] * rRe - im[k] * rIm;
            oIm[k + 1] -= re[k] * rIm + im[k] * rRe;
        }
        return new double[][] {oRe, oIm};
    }

    /** Complex roots (re, im) of a real polynomial given by ascending coefficients (Durand–Kerner). */
    static double[][] polyRoots(double[] c) {
        int deg = c.length - 1;
        double[][] z = new double[deg][2];
        for (int k = 0; k < deg; k++) {
            double ang = 2 * Math.PI * k / deg + 0.4;
            z[k][0] = Math.cos(ang) * 0.9;
            z[k][1] = Math.sin(ang) * 0.9;
        }
        double lead = c[deg];
        for (int iter = 0; iter < 5000; iter++) {
            double change = 0;
            for (int k = 0; k < deg; k++) {
                // p(z_k) / lead
                double pRe = 0;
                double pIm = 0;
                for (int j = deg; j >= 0; j--) {
                    double t = pRe * z[k][0] - pIm * z[k][1] + c[j] / lead;
                    pIm = pRe * z[k][1] + pIm * z[k][0];
                    pRe = t;
                }
                double qRe = 1;
                double qIm = 0;
                for (int j = 0; j < deg; j++) {
                    if (j != k) {
                        double dRe = z[k][0] - z[j][0];
                        double dIm = z[k][1] - z[j][1];
                        double t = qRe * dRe - qIm * dIm;
                        qIm = qRe * dIm + qIm * dRe;
                        qRe = t;
                    }
                }
                double den = qRe * qRe + qIm * qIm;
                double wRe = (pRe * qRe + pIm * qIm) / den;
                double wIm = (pIm * qRe - pRe * qIm) / den;
                z[k][0] -= wRe;
                z[k][1] -= wIm;
                change = Math.max(change, Math.hypot(wRe, wIm));
            }
            if (change < 1e-15) {
                break;
            }
        }
        return z;
    }

    /**
     * All decompositions of {@code image}.
     *
     * @param excludedAxis numpy axis left untransformed with force2D (0 = z, 1 = y, 2 = x), or -1
     */
    public static List<FilteredImage> apply(Volume image, String wavelet, int level, int startLevel, int excludedAxis) {
        return apply(image, wavelet, level, startLevel, excludedAxis, null, null);
    }

    /**
     * As above, evaluated only inside the box [lo, hi] (voxel indices x, y, z, inclusive; null for the whole
     * image) at the last level; voxels outside the box are 0. Earlier levels (start_level, level &gt; 1) are
     * computed on the whole image, since their approximation feeds the next level everywhere.
     */
    public static List<FilteredImage> apply(Volume image, String wavelet, int level, int startLevel, int excludedAxis,
            int[] lo, int[] hi) {
        Geometry geo = image.geometry();
        int[] n = {geo.nx(), geo.ny(), geo.nz()};
        int[] padded = {n[0] + (n[0] % 2), n[1] + (n[1] % 2), n[2] + (n[2] % 2)};
        double[] data = pad(image.voxels(), n, padded);
        double[] low = decLo(wavelet);
        double[] high = decHi(wavelet);
        List<Integer> axes = new ArrayList<>(List.of(0, 1, 2)); // our axes: 0 = x, 1 = y, 2 = z (PyRadiomics order)
        if (excludedAxis >= 0) {
            axes.remove(Integer.valueOf(2 - excludedAxis));
        }
        boolean[][] whole = SeparablePass.all(padded);
        for (int l = 0; l < startLevel; l++) {
            data = decompose(data, padded, axes, low, high, whole).get(0);
        }
        List<FilteredImage> out = new ArrayList<>();
        for (int l = startLevel; l < startLevel + level; l++) {
            boolean last = l == startLevel + level - 1;
            boolean[][] need = last ? SeparablePass.box(padded, lo, hi) : whole;
            List<double[]> bands = decompose(data, padded, axes, low, high, need);
            int idx = l - startLevel + 1;
            String prefix = idx == 1 ? "wavelet-" : "wavelet" + idx + "-";
            for (int b = 1; b < bands.size(); b++) {
                out.add(new FilteredImage(prefix + bandName(b, axes.size()), new Volume(geo, crop(bands.get(b), padded, n))));
            }
            data = bands.get(0);
        }
        String approxName = (level == 1 ? "wavelet-" : "wavelet" + level + "-") + "L".repeat(axes.size());
        out.add(new FilteredImage(approxName, new Volume(geo, crop(data, padded, n))));
        return out;
    }

    /** Band b: bit (d−1−k) of b set = high-pass along the k-th transformed axis (PyWavelets' key order). */
    private static String bandName(int b, int d) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < d; k++) {
            s.append((b >> (d - 1 - k) & 1) == 1 ? 'H' : 'L');
        }
        return s.toString();
    }

    /**
     * The 2^d bands in PyWavelets' order (first axis most significant, low before high). The passes run from
     * the last axis to the first so that each is evaluated only where the next one reads (the filtering is
     * linear and separable, so the order does not change the result).
     */
    private static List<double[]> decompose(double[] data, int[] size, List<Integer> axes, double[] lo, double[] hi,
            boolean[][] finalNeed) {
        int d = axes.size();
        boolean[][][] need = new boolean[d][][];
        need[0] = finalNeed; // the pass along axes[0] runs last
        for (int k = 1; k < d; k++) {
            need[k] = SeparablePass.widen(need[k - 1], axes.get(k - 1), lo.length, lo.length / 2, true);
        }
        List<double[]> bands = List.of(data);
        for (int k = d - 1; k >= 0; k--) {
            int axis = axes.get(k);
            List<double[]> next = new ArrayList<>();
            for (double[] b : bands) {
                next.add(SeparablePass.apply(b, size, axis, lo, lo.length / 2, true, need[k]));
                next.add(SeparablePass.apply(b, size, axis, hi, hi.length / 2, true, need[k]));
            }
            bands = next;
        }
        // in 'bands' the choice along axes[k] is bit k; PyWavelets' order has axes[0] most significant
        List<double[]> ordered = new ArrayList<>();
        for (int b = 0; b < (1 << d); b++) {
            int idx = 0;
            for (int k = 0; k < d; k++) {
                idx |= (b >> (d - 1 - k) & 1) << k;
            }
            ordered.add(bands.get(idx));
        }
        return ordered;
    }

    private static double[] pad(float[] v, int[] n, int[] p) {
        double[] out = new double[p[0] * p[1] * p[2]];
        for (int z = 0; z < p[2]; z++) {
            for (int y = 0; y < p[1]; y++) {
                for (int x = 0; x < p[0]; x++) {
                    out[x + p[0] * (y + p[1] * z)] = v[(x % n[0]) + n[0] * ((y % n[1]) + n[1] * (z % n[2]))];
                }
            }
        }
        return out;
    }

    private static float[] crop(double[] v, int[] p, int[] n) {
        float[] out = new float[n[0] * n[1] * n[2]];
        for (int z = 0; z < n[2]; z++) {
            for (int y = 0; y < n[1]; y++) {
                for (int x = 0; x < n[0]; x++) {
                    out[x + n[0] * (y + n[1] * z)] = (float) v[x + p[0] * (y + p[1] * z)];
                }
            }
        }
        return out;
    }
}
