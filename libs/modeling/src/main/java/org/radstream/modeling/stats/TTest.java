package org.radstream.modeling.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.radstream.modeling.Checks;

/**
 * Two-sample t tests, as R's {@code t.test(x, y, var.equal = TRUE|FALSE)}.
 * <pre>
 * Student: t = (x̄ − ȳ) / (s_p √(1/n_x + 1/n_y)),  s_p² = ((n_x−1)s_x² + (n_y−1)s_y²)/(n_x+n_y−2),  df = n_x+n_y−2
 * Welch:   t = (x̄ − ȳ) / √(s_x²/n_x + s_y²/n_y),  df = (s_x²/n_x + s_y²/n_y)² / Σ (s²/n)²/(n−1)
 * </pre>
 * p is two-sided.
 */
public final class TTest {
    /** Variance assumption. */
    public enum Variances { EQUAL, UNEQUAL }

    private TTest() {
    }

    /** t statistic, degrees of freedom and two-sided p. */
    public record Result(double statistic, double df, double pValue) {
        public TestResult asTestResult() {
            return new TestResult(statistic, pValue);
        }
    }

    public static Result test(double[] x, double[] y, Variances variances) {
        Checks.minLength("x", x, 2);
        Checks.minLength("y", y, 2);
        Checks.finite("x", x);
        Checks.finite("y", y);
        double mx = new Mean().evaluate(x), my = new Mean().evaluate(y);
        double vx = new Variance().evaluate(x), vy = new Variance().evaluate(y);
        int nx = x.length, ny = y.length;
        double t, df;
        if (variances == Variances.EQUAL) {
            df = nx + ny - 2;
            double sp2 = ((nx - 1) * vx + (ny - 1) * vy) / df;
            t = (mx - my) / Math.sqrt(sp2 * (1.0 / nx + 1.0 / ny));
        } else {
            double ax = vx / nx, ay = vy / ny;
            t = (mx - my) / Math.sqrt(ax + ay);
            df = (ax + ay) * (ax + ay) / (ax * ax / (nx - 1) + ay * ay / (ny - 1));
        }
        return new Result(t, df, twoSidedP(t, df));
    }

    static double twoSidedP(double t, double df) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        return 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
    }
}
