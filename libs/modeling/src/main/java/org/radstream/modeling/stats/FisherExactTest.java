package org.radstream.modeling.stats;

import org.apache.commons.math3.special.Gamma;
import org.radstream.modeling.ModelingException;

/**
 * Fisher's exact test for a 2×2 table, two-sided, as R's {@code fisher.test(t)$p.value}: the sum of the
 * hypergeometric probabilities of all tables with the observed margins that are no more likely than the
 * observed one (relative tolerance 1e-7, as R).
 * <pre>
 * P(a) = C(m, a) C(n, k − a) / C(m + n, k),  m = first column total, n = second, k = first row total
 * </pre>
 * Tables larger than 2×2 are not supported (use {@link ChiSquareTest}).
 */
public final class FisherExactTest {
    private FisherExactTest() {
    }

    public static TestResult test(long[][] t) {
        if (t.length != 2 || t[0].length != 2 || t[1].length != 2) {
            throw new ModelingException("Fisher's exact test is implemented for 2x2 tables only");
        }
        long m = t[0][0] + t[1][0], n = t[0][1] + t[1][1], k = t[0][0] + t[0][1];
        long x = t[0][0];
        long lo = Math.max(0, k - n), hi = Math.min(k, m);
        double[] logd = new double[(int) (hi - lo + 1)];
        double max = Double.NEGATIVE_INFINITY;
        for (long u = lo; u <= hi; u++) {
            double v = logChoose(m, u) + logChoose(n, k - u) - logChoose(m + n, k);
            logd[(int) (u - lo)] = v;
            max = Math.max(max, v);
        }
        double sum = 0, obs = Math.exp(logd[(int) (x - lo)] - max), p = 0;
        for (double v : logd) {
            double d = Math.exp(v - max);
            sum += d;
            if (d <= obs * (1 + 1e-7)) {
                p += d;
            }
        }
        return new TestResult(Double.NaN, Math.min(1, p / sum));
    }

    private static double logChoose(long n, long k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }
}
