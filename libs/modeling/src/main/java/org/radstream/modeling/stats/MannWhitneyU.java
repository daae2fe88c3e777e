package org.radstream.modeling.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.radstream.modeling.Checks;

/**
 * Wilcoxon rank-sum / Mann–Whitney U test, two-sided, as R's {@code wilcox.test(x, y)} with its defaults.
 * <pre>
 * W = Σ rank(x_i) − n_x(n_x+1)/2       (R reports W; it equals U of x)
 * exact (n_x &lt; 50, n_y &lt; 50, no ties): p = min(1, 2·P(W' ≤ W)) or 2·P(W' ≥ W), W' from the null distribution
 * otherwise: z = (W − n_x n_y/2 − ½·sign) / σ,  σ² = n_x n_y/12 · [(N+1) − Σ(t³−t)/(N(N−1))]
 * </pre>
 * The continuity correction (½) and the tie correction in σ are R's defaults.
 */
public final class MannWhitneyU {
    /** Exact-test size limit used by R. */
    public static final int EXACT_LIMIT = 50;

    private MannWhitneyU() {
    }

    public static TestResult test(double[] x, double[] y) {
        Checks.minLength("x", x, 1);
        Checks.minLength("y", y, 1);
        Checks.finite("x", x);
        Checks.finite("y", y);
        int nx = x.length, ny = y.length, n = nx + ny;
        double[] all = new double[n];
        System.arraycopy(x, 0, all, 0, nx);
        System.arraycopy(y, 0, all, nx, ny);
        double[] r = Ranks.midRanks(all);
        double rx = 0;
        for (int i = 0; i < nx; i++) {
            rx += r[i];
        }
        double w = rx - nx * (nx + 1) / 2.0;
        int[] ties = Ranks.tieSizes(all);
        boolean hasTies = ties.length < n;
        if (nx < EXACT_LIMIT && ny < EXACT_LIMIT && !hasTies) {
            double p;
            if (w > nx * ny / 2.0) {
                p = 1 - cdf((int) Math.round(w) - 1, nx, ny);
            } else {
                p = cdf((int) Math.round(w), nx, ny);
            }
            return new TestResult(w, Math.min(2 * p, 1));
        }
        double z = w - nx * (double) ny / 2;
        double tieSum = 0;
        for (int t : ties) {
            tieSum += (double) t * t * t - t;
        }
        double sigma = Math.sqrt(nx * (double) ny / 12 * ((n + 1) - tieSum / ((double) n * (n - 1))));
        double correction = Math.signum(z) * 0.5;
        z = (z - correction) / sigma;
        NormalDistribution nd = new NormalDistribution(null, 0, 1);
        double p = 2 * Math.min(nd.cumulativeProbability(z), nd.cumulativeProbability(-z));
        return new TestResult(w, p);
    }

    /**
     * P(W' ≤ q) for the null distribution of W with sizes m, n: the number of ways c(k; m, n) to reach
     * U = k counts subsets, c(k; m, n) = c(k − n; m − 1, n) + c(k; m, n − 1) (R's cwilcox), computed as a
     * table over k for growing n.
     */
    static double cdf(int q, int m, int n) {
        if (q < 0) {
            return 0;
        }
        if (q >= m * n) {
            return 1;
        }
        double[] cum = CUMULATIVE.computeIfAbsent((long) m << 32 | n, key -> cumulative(m, n));
        return cum[q];
    }

    /** Null distributions by (m, n): a feature screen tests thousands of features on the same two groups. */
    private static final java.util.Map<Long, double[]> CUMULATIVE = new java.util.concurrent.ConcurrentHashMap<>();

    private static double[] cumulative(int m, int n) {
        // freq[k] = number of rank arrangements with U = k; built by the generating function
        // Π_{i=1..m} (1 − z^{n+i}) / (1 − z^i)
        int max = m * n;
        double[] f = new double[max + 1];
        f[0] = 1;
        // multiply by (1 - z^{n+i}) / (1 - z^i) for i = 1..m
        for (int i = 1; i <= m; i++) {
            // multiply by (1 - z^{n+i})
            for (int k = max; k >= n + i; k--) {
                f[k] -= f[k - n - i];
            }
            // divide by (1 - z^i): prefix sums with stride i
            for (int k = i; k <= max; k++) {
                f[k] += f[k - i];
            }
        }
        double total = 0;
        for (int k = 0; k <= max; k++) {
            total += f[k];
        }
        double[] cum = new double[max + 1];
        double below = 0;
        for (int k = 0; k <= max; k++) {
            below += f[k];
            cum[k] = below / total;
        }
        return cum;
    }
}
