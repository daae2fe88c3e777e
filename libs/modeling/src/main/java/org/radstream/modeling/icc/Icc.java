package org.radstream.modeling.icc;

import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.special.Beta;
import org.radstream.modeling.ModelingException;

/**
 * Intraclass correlation for n subjects rated by k ≥ 2 raters (complete data), as psych::ICC computes it
 * from the two-way ANOVA mean squares (psych::ICC(x, lmer = FALSE); with complete data lmer's REML
 * estimates are the same unless a variance component would be negative).
 * <pre>
 * MSB = k Σ_i (x̄_i· − x̄)²/(n−1)      rows (subjects)
 * MSJ = n Σ_j (x̄_·j − x̄)²/(k−1)      columns (raters)
 * MSE = residual SS / ((n−1)(k−1)),   MSW = (SS_J + SS_E) / (n(k−1))
 * ICC(1,1) = (MSB − MSW) / (MSB + (k−1) MSW)
 * ICC(2,1) = (MSB − MSE) / (MSB + (k−1) MSE + k (MSJ − MSE)/n)
 * ICC(3,1) = (MSB − MSE) / (MSB + (k−1) MSE)
 * </pre>
 * 95% CIs: ICC(1,1) and ICC(3,1) from the F distribution (Shrout &amp; Fleiss 1979, eqs. for cases 1 and 3);
 * ICC(2,1) with Satterthwaite's approximate df ν (McGraw &amp; Wong 1996, table 7), exactly as psych.
 * References: Shrout PE, Fleiss JL, Psychol Bull 86:420 (1979); McGraw KO, Wong SP, Psychol Methods 1:30 (1996).
 */
public final class Icc {
    private final int n;
    private final int k;
    private final double msb, msj, mse, msw;

    /** @param ratings ratings[subject][rater], n ≥ 2 subjects, k ≥ 2 raters, finite values */
    public Icc(double[][] ratings) {
        n = ratings.length;
        if (n < 2) {
            throw new ModelingException("ICC needs at least 2 subjects; got " + n);
        }
        k = ratings[0].length;
        if (k < 2) {
            throw new ModelingException("ICC needs at least 2 raters; got " + k);
        }
        double grand = 0;
        double[] rowMean = new double[n], colMean = new double[k];
        for (int i = 0; i < n; i++) {
            if (ratings[i].length != k) {
                throw new ModelingException("ICC ratings row " + i + " has " + ratings[i].length + " raters, expected " + k);
            }
            for (int j = 0; j < k; j++) {
                double v = ratings[i][j];
                if (!Double.isFinite(v)) {
                    throw new ModelingException("ICC rating [" + i + "][" + j + "] is " + v + "; finite values are required");
                }
                rowMean[i] += v / k;
                colMean[j] += v / n;
                grand += v;
            }
        }
        grand /= (double) n * k;
        double ssb = 0, ssj = 0, sse = 0;
        for (int i = 0; i < n; i++) {
            ssb += k * (rowMean[i] - grand) * (rowMean[i] - grand);
        }
        for (int j = 0; j < k; j++) {
            ssj += n * (colMean[j] - grand) * (colMean[j] - grand);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double e = ratings[i][j] - rowMean[i] - colMean[j] + grand;
                sse += e * e;
            }
        }
        msb = ssb / (n - 1);
        msj = ssj / (k - 1);
        mse = sse / ((n - 1.0) * (k - 1));
        msw = (ssj + sse) / (n * (k - 1.0));
    }

    /** Ratings of two readers, a[i] and b[i] for subject i. */
    public static Icc twoReaders(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new ModelingException("ICC readers have " + a.length + " and " + b.length + " ratings; they must be paired");
        }
        double[][] m = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            m[i] = new double[] {a[i], b[i]};
        }
        return new Icc(m);
    }

    public IccResult compute(IccForm form) {
        return switch (form) {
            case ICC1_1 -> icc1();
            case ICC2_1 -> icc2();
            case ICC3_1 -> icc3();
        };
    }

    public Map<IccForm, IccResult> all() {
        Map<IccForm, IccResult> m = new EnumMap<>(IccForm.class);
        for (IccForm f : IccForm.values()) {
            m.put(f, compute(f));
        }
        return m;
    }

    private IccResult icc1() {
        double icc = (msb - msw) / (msb + (k - 1) * msw);
        double f = msb / msw;
        double d1 = n - 1, d2 = n * (k - 1.0);
        double fl = f / qf(0.975, d1, d2), fu = f * qf(0.975, d2, d1);
        return new IccResult(IccForm.ICC1_1, icc, f, d1, d2, upper(f, d1, d2), bound(fl), bound(fu));
    }

    private IccResult icc3() {
        double icc = (msb - mse) / (msb + (k - 1) * mse);
        double f = msb / mse;
        double d1 = n - 1, d2 = (n - 1.0) * (k - 1);
        double fl = f / qf(0.975, d1, d2), fu = f * qf(0.975, d2, d1);
        return new IccResult(IccForm.ICC3_1, icc, f, d1, d2, upper(f, d1, d2), bound(fl), bound(fu));
    }

    private IccResult icc2() {
        double icc = (msb - mse) / (msb + (k - 1) * mse + k * (msj - mse) / n);
        double f = msb / mse;
        double d1 = n - 1, d2 = (n - 1.0) * (k - 1);
        if (Double.isNaN(icc)) {
            // no variance at all (a constant feature): undefined, as psych::ICC reports it
            return new IccResult(IccForm.ICC2_1, icc, f, d1, d2, Double.NaN, Double.NaN, Double.NaN);
        }
        double v;
        if (mse == 0) {
            // readers agree up to a constant offset: the Satterthwaite df below tends to k - 1 as mse -> 0
            // (psych::ICC gets the same bounds from its round-off-sized mse)
            v = k - 1;
        } else {
            double fj = msj / mse;
            double a = k * icc * fj + n * (1 + (k - 1) * icc) - k * icc;
            double vn = (k - 1) * (n - 1.0) * a * a;
            double b = n * (1 + (k - 1) * icc) - k * icc;
            double vd = (n - 1.0) * k * k * icc * icc * fj * fj + b * b;
            v = vn / vd;
        }
        double f3u = qf(0.975, n - 1, v), f3l = qf(0.975, v, n - 1);
        double denomTerm = k * msj + (k * n - k - n) * mse;
        double lo = n * (msb - f3u * mse) / (f3u * denomTerm + n * msb);
        double hi = n * (f3l * msb - mse) / (denomTerm + n * f3l * msb);
        return new IccResult(IccForm.ICC2_1, icc, f, d1, d2, upper(f, d1, d2), lo, hi);
    }

    /** CI bound (F - 1) / (F + k - 1) of ICC(1,1) and ICC(3,1); 1 in the limit of perfect agreement (F infinite). */
    private double bound(double fx) {
        return Double.isInfinite(fx) ? 1.0 : (fx - 1) / (fx + k - 1);
    }

    private static double qf(double p, double d1, double d2) {
        return new FDistribution(null, d1, d2, 1e-14).inverseCumulativeProbability(p);
    }

    private static double upper(double f, double d1, double d2) {
        return Beta.regularizedBeta(d2 / (d2 + d1 * f), d2 / 2.0, d1 / 2.0);
    }
}
