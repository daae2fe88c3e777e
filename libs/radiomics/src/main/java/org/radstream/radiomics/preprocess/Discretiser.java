package org.radstream.radiomics.preprocess;

import java.util.Arrays;

import org.radstream.radiomics.ExtractionSettings;

/**
 * Grey-level discretisation as PyRadiomics does it ({@code imageoperations.getBinEdges} + {@code numpy.digitize}).
 *
 * <p>Fixed bin width W: edges {@code e_k = L + k·W} with {@code L = min − (min mod W)} (equally spaced from 0,
 * not from the minimum as IBSI's FBS), up to {@code max + 2W} exclusive, so that
 * <pre>X_b = floor(X/W) − floor(min/W) + 1</pre>
 * and a maximum that is a multiple of W opens a bin of its own. Fixed bin count N: {@code numpy.histogram}
 * edges {@code linspace(min, max, N+1)} with the last edge raised by 1, so the maximum falls in bin N.
 * Bins are half-open {@code [e_{k-1}, e_k)}; the discretised value is the number of edges &lt;= X.
 * With {@code compatibility: ibsi}, fixed bin width follows IBSI's FBS instead (bins from the lower bound of
 * the resegmentation range, or from the ROI minimum).
 */
public final class Discretiser {
    private Discretiser() {
    }

    /**
     * The discretised ROI.
     *
     * @param bins bin index per voxel of the cropped grid (1..ng inside the ROI, 0 outside)
     * @param ng the highest bin index in the ROI (PyRadiomics {@code Ng})
     * @param greyLevels the bin indices that occur in the ROI, ascending
     * @param edges the bin edges used
     */
    public record Discretised(int[] bins, int ng, int[] greyLevels, double[] edges) {
    }

    public static Discretised discretise(CroppedRoi roi, ExtractionSettings s) {
        double[] v = roi.roiValues();
        double[] edges;
        if (s.usesBinCount()) {
            edges = binCountEdges(v, s.binCount());
        } else if (s.compatibility() == ExtractionSettings.Compatibility.IBSI) {
            double[] r = s.resegmentRange();
            edges = ibsiBinWidthEdges(v, s.binWidth(), r == null ? Double.NaN : Math.min(r[0], r.length > 1 ? r[1] : r[0]));
        } else {
            edges = binWidthEdges(v, s.binWidth());
        }
        int[] bins = new int[roi.mask().length];
        boolean[] seen = new boolean[edges.length + 2];
        int ng = 0;
        float[] values = roi.values();
        boolean[] mask = roi.mask();
        for (int i = 0; i < bins.length; i++) {
            if (mask[i]) {
                int b = digitize(values[i], edges);
                bins[i] = b;
                seen[b] = true;
                ng = Math.max(ng, b);
            }
        }
        int[] levels = new int[ng + 1];
        int k = 0;
        for (int b = 0; b <= ng; b++) {
            if (seen[b]) {
                levels[k++] = b;
            }
        }
        return new Discretised(bins, ng, Arrays.copyOf(levels, k), edges);
    }

    /** PyRadiomics fixed-bin-width edges (numpy.arange semantics: {@code low + k*W}). */
    public static double[] binWidthEdges(double[] v, double w) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double low = min - floorMod(min, w);
        double high = max + 2 * w;
        int n = (int) Math.ceil((high - low) / w);
        if (n <= 1) {
            // flat region whose minimum is a multiple of W: one bin, as numpy.histogram(bins=1) would make
            return new double[] {low - 0.5, low + 0.5};
        }
        double[] e = new double[n];
        for (int k = 0; k < n; k++) {
            e[k] = low + k * w;
        }
        return e;
    }

    /**
     * IBSI fixed bin size (FBS): bins start at the lower bound of the resegmentation range, or at the ROI
     * minimum when there is none: {@code X_b = floor((X − X_min)/W) + 1}.
     */
    public static double[] ibsiBinWidthEdges(double[] v, double w, double lowerBound) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double low = Double.isNaN(lowerBound) ? min : lowerBound;
        int n = (int) Math.floor((max - low) / w) + 2;
        double[] e = new double[n];
        for (int k = 0; k < n; k++) {
            e[k] = low + k * w;
        }
        return e;
    }

    /** numpy.histogram(v, n) edges with the last edge raised by 1 (so the maximum is in bin n). */
    public static double[] binCountEdges(double[] v, int n) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (min == max) {
            min -= 0.5;
            max += 0.5;
        }
        double[] e = new double[n + 1];
        double step = (max - min) / n;
        for (int k = 0; k <= n; k++) {
            e[k] = min + k * step;
        }
        e[n] = max + 1;
        return e;
    }

    /** numpy.digitize(x, edges) for increasing edges: the number of edges &lt;= x. */
    public static int digitize(double x, double[] edges) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Python's {@code a % b} for b &gt; 0 (result in [0, b)). */
    static double floorMod(double a, double b) {
        double r = a % b;
        return r < 0 ? r + b : r;
    }
}
