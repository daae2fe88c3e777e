package org.radstream.modeling.metrics;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.radstream.modeling.Checks;
import org.radstream.modeling.stats.TestResult;

/**
 * ROC AUC with DeLong's variance, and DeLong's test for two correlated ROC curves, as pROC 1.18 computes
 * them ({@code ci.auc(roc(y, s, levels = c(0, 1), direction = "<"), method = "delong")} and
 * {@code roc.test(r1, r2, method = "delong", paired = TRUE)}).
 * <pre>
 * ψ(a, b) = 1 if a &gt; b, ½ if a = b, 0 otherwise       (a a case score, b a control score)
 * V10_i = (1/n₀) Σ_j ψ(X_i, Y_j)   per case,   V01_j = (1/n₁) Σ_i ψ(X_i, Y_j)   per control
 * AUC = mean(V10),  Var = s²(V10)/n₁ + s²(V01)/n₀   (s² with n − 1)
 * CI = AUC ± z_{0.975} √Var, clipped to [0, 1]
 * test: z = (AUC₁ − AUC₂)/√(Var₁ + Var₂ − 2 Cov),  Cov = cov(V10¹, V10²)/n₁ + cov(V01¹, V01²)/n₀
 * </pre>
 * Direction is fixed: a higher score means the event (pROC direction "&lt;"); an AUC below 0.5 is reported
 * as is, not flipped. Reference: DeLong ER, DeLong DM, Clarke-Pearson DL, Biometrics 44:837 (1988).
 */
public final class DeLong {
    private static final NormalDistribution N01 = new NormalDistribution(null, 0, 1);
    private static final double Z975 = N01.inverseCumulativeProbability(0.975);

    private final double[] v10;
    private final double[] v01;
    private final double auc;

    private DeLong(double[] scores, int[] y, String what) {
        Checks.sameLength(what + " scores", scores.length, what + " outcomes", y.length);
        Checks.bothClasses(what + " outcome", y);
        Checks.finite(what + " scores", scores);
        int n1 = 0;
        for (int v : y) {
            n1 += v;
        }
        int n0 = y.length - n1;
        double[] cases = new double[n1], controls = new double[n0];
        int a = 0, b = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 1) {
                cases[a++] = scores[i];
            } else {
                controls[b++] = scores[i];
            }
        }
        v10 = new double[n1];
        v01 = new double[n0];
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n0; j++) {
                double psi = cases[i] > controls[j] ? 1 : cases[i] == controls[j] ? 0.5 : 0;
                v10[i] += psi;
                v01[j] += psi;
            }
        }
        double sum = 0;
        for (int i = 0; i < n1; i++) {
            sum += v10[i];
            v10[i] /= n0;
        }
        for (int j = 0; j < n0; j++) {
            v01[j] /= n1;
        }
        auc = sum / ((double) n1 * n0);
    }

    /** AUC with DeLong CI. */
    public static Auc auc(double[] scores, int[] y, String what) {
        DeLong d = new DeLong(scores, y, what);
        double var = cov(d.v10, d.v10) / d.v10.length + cov(d.v01, d.v01) / d.v01.length;
        double sd = Math.sqrt(var);
        return new Auc(d.auc, Math.max(0, d.auc - Z975 * sd), Math.min(1, d.auc + Z975 * sd), var);
    }

    /** DeLong's paired test of AUC₁ = AUC₂ for two scores on the same cases; statistic is z. */
    public static TestResult compare(double[] scores1, double[] scores2, int[] y, String what) {
        DeLong a = new DeLong(scores1, y, what + " (first score)");
        DeLong b = new DeLong(scores2, y, what + " (second score)");
        double n1 = a.v10.length, n0 = a.v01.length;
        double var = (cov(a.v10, a.v10) + cov(b.v10, b.v10) - 2 * cov(a.v10, b.v10)) / n1
                + (cov(a.v01, a.v01) + cov(b.v01, b.v01) - 2 * cov(a.v01, b.v01)) / n0;
        double z = (a.auc - b.auc) / Math.sqrt(var);
        return new TestResult(z, 2 * N01.cumulativeProbability(-Math.abs(z)));
    }

    private static double cov(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (x[i] - mx) * (y[i] - my);
        }
        return s / (n - 1);
    }
}
