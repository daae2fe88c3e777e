package org.radstream.modeling.stats;

import java.util.List;
import org.apache.commons.math3.special.Beta;
import org.radstream.modeling.Checks;
import org.radstream.modeling.ModelingException;

/**
 * One-way analysis of variance, as R's {@code summary(aov(v ~ f))}.
 * <pre>
 * F = [Σ_g n_g (x̄_g − x̄)² / (G−1)] / [Σ_g Σ_i (x_gi − x̄_g)² / (N−G)],  F ~ F(G−1, N−G)
 * </pre>
 * With two groups F equals the square of Student's t.
 */
public final class OneWayAnova {
    private OneWayAnova() {
    }

    /** F statistic, its degrees of freedom and p = P(F' ≥ F). */
    public record Result(double statistic, int df1, int df2, double pValue) {
        public TestResult asTestResult() {
            return new TestResult(statistic, pValue);
        }
    }

    public static Result test(List<double[]> groups) {
        if (groups.size() < 2) {
            throw new ModelingException("ANOVA needs at least 2 groups; got " + groups.size());
        }
        int n = 0;
        double total = 0;
        for (int g = 0; g < groups.size(); g++) {
            double[] x = groups.get(g);
            Checks.minLength("group " + g, x, 1);
            Checks.finite("group " + g, x);
            n += x.length;
            for (double v : x) {
                total += v;
            }
        }
        double grand = total / n;
        double ssb = 0, ssw = 0;
        for (double[] x : groups) {
            double m = 0;
            for (double v : x) {
                m += v;
            }
            m /= x.length;
            ssb += x.length * (m - grand) * (m - grand);
            for (double v : x) {
                ssw += (v - m) * (v - m);
            }
        }
        int df1 = groups.size() - 1, df2 = n - groups.size();
        if (df2 < 1) {
            throw new ModelingException("ANOVA needs more cases than groups; got " + n + " cases in " + groups.size() + " groups");
        }
        double f = (ssb / df1) / (ssw / df2);
        double p = Double.isNaN(f) ? Double.NaN
                : Double.isInfinite(f) ? 0.0 : upperTailF(f, df1, df2);
        return new Result(f, df1, df2, p);
    }

    /** P(F' ≥ f) = I_{d2/(d2+d1 f)}(d2/2, d1/2), computed directly so small p keep their precision. */
    static double upperTailF(double f, double df1, double df2) {
        return Beta.regularizedBeta(df2 / (df2 + df1 * f), df2 / 2.0, df1 / 2.0);
    }

    /** Two groups given as values and a 0/1 label. */
    public static Result test(double[] values, int[] group) {
        Checks.sameLength("values", values.length, "group", group.length);
        return test(List.of(select(values, group, 0), select(values, group, 1)));
    }

    static double[] select(double[] values, int[] group, int label) {
        int n = 0;
        for (int g : group) {
            if (g == label) {
                n++;
            }
        }
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (group[i] == label) {
                out[k++] = values[i];
            }
        }
        return out;
    }
}
