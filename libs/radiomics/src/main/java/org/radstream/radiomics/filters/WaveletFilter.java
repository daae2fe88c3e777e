package org.radstream.radiomics.filters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * <p>Filters: every discrete PyWavelets wavelet ({@link WaveletFamilies}); the transform itself does not
 * depend on the family (biorthogonal filters simply have distinct {@code dec_lo}/{@code dec_hi}).
 */
public final class WaveletFilter {
    private WaveletFilter() {
    }

    public static boolean isKnown(String name) {
        return WaveletFamilies.isKnown(name);
    }

    public static String knownWavelets() {
        return WaveletFamilies.summary();
    }

    /** PyWavelets' {@code rec_lo} of an orthogonal wavelet (the reversed {@code dec_lo}). */
    static double[] reconstructionLowPass(String name) {
        double[] d = decLo(name);
        double[] r = new double[d.length];
        for (int k = 0; k < d.length; k++) {
            r[k] = d[d.length - 1 - k];
        }
        return r;
    }

    /** Decomposition low-pass, PyWavelets {@code dec_lo}. */
    static double[] decLo(String name) {
        return filters(name).lowPass();
    }

    /** Decomposition high-pass, PyWavelets {@code dec_hi}. */
    static double[] decHi(String name) {
        return filters(name).highPass();
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, WaveletFamilies.DecompositionFilters> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static WaveletFamilies.DecompositionFilters filters(String name) {
        WaveletFamilies.DecompositionFilters f = CACHE.computeIfAbsent(name.toLowerCase(Locale.ROOT), WaveletFamilies::of);
        if (f == null) { // ConcurrentHashMap stores no null: unknown names land here
            throw new IllegalArgumentException("unknown wavelet '" + name + "'; known: " + knownWavelets());
        }
        return f;
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
        float[] v = image.voxels();
        double[] data = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            data[i] = v[i];
        }
        List<FilteredImage> out = new ArrayList<>();
        for (Map.Entry<String, double[]> band : bands(data, new int[] {geo.nx(), geo.ny(), geo.nz()}, wavelet, level,
                startLevel, excludedAxis, lo, hi).entrySet()) {
            double[] b = band.getValue();
            float[] f = new float[b.length];
            for (int i = 0; i < b.length; i++) {
                f[i] = (float) b[i];
            }
            out.add(new FilteredImage(band.getKey(), new Volume(geo, f)));
        }
        return out;
    }

    /** The bands in double precision, by name in PyRadiomics' order (x fastest, size n = {nx, ny, nz}). */
    static LinkedHashMap<String, double[]> bands(double[] image, int[] n, String wavelet, int level, int startLevel,
            int excludedAxis, int[] lo, int[] hi) {
        int[] padded = {n[0] + (n[0] % 2), n[1] + (n[1] % 2), n[2] + (n[2] % 2)};
        double[] data = pad(image, n, padded);
        WaveletFamilies.DecompositionFilters f = filters(wavelet);
        double[] low = f.lowPass();
        double[] high = f.highPass();
        List<Integer> axes = new ArrayList<>(List.of(0, 1, 2)); // our axes: 0 = x, 1 = y, 2 = z (PyRadiomics order)
        if (excludedAxis >= 0) {
            axes.remove(Integer.valueOf(2 - excludedAxis));
        }
        boolean[][] whole = SeparablePass.all(padded);
        for (int l = 0; l < startLevel; l++) {
            data = decompose(data, padded, axes, low, high, whole).get(0);
        }
        LinkedHashMap<String, double[]> out = new LinkedHashMap<>();
        for (int l = startLevel; l < startLevel + level; l++) {
            boolean last = l == startLevel + level - 1;
            boolean[][] need = last ? SeparablePass.box(padded, lo, hi) : whole;
            List<double[]> bands = decompose(data, padded, axes, low, high, need);
            int idx = l - startLevel + 1;
            String prefix = idx == 1 ? "wavelet-" : "wavelet" + idx + "-";
            for (int b = 1; b < bands.size(); b++) {
                out.put(prefix + bandName(b, axes.size()), crop(bands.get(b), padded, n));
            }
            data = bands.get(0);
        }
        String approxName = (level == 1 ? "wavelet-" : "wavelet" + level + "-") + "L".repeat(axes.size());
        out.put(approxName, crop(data, padded, n));
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

    private static double[] pad(double[] v, int[] n, int[] p) {
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

    private static double[] crop(double[] v, int[] p, int[] n) {
        double[] out = new double[n[0] * n[1] * n[2]];
        for (int z = 0; z < n[2]; z++) {
            for (int y = 0; y < n[1]; y++) {
                for (int x = 0; x < n[0]; x++) {
                    out[x + n[0] * (y + n[1] * z)] = v[x + p[0] * (y + p[1] * z)];
                }
            }
        }
        return out;
    }
}
