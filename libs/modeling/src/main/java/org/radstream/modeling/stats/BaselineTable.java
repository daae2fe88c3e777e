package org.radstream.modeling.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radstream.modeling.ModelingException;

/**
 * A baseline characteristics table like the study's Table 1, comparing two groups (e.g. ER vs non-ER).
 * <ul>
 * <li>{@link Summary#MEAN_SD}: "mean ± sd", Student's t test (R t.test(var.equal = TRUE));</li>
 * <li>{@link Summary#MEDIAN_IQR}: "median [Q1, Q3]" (type-7 quantiles), Mann–Whitney U (R wilcox.test);</li>
 * <li>binary: "n (%)" of the positive level, χ² with Yates' correction, or Fisher's exact test when an
 *     expected count is below 5 (the usual rule).</li>
 * </ul>
 * Missing values (NaN) are left out per variable and the number of cases used is reported.
 */
public final class BaselineTable {
    /** How a continuous variable is summarised. */
    public enum Summary { MEAN_SD, MEDIAN_IQR }

    /** One row: variable, group summaries, test name, p, cases used per group. */
    public record Row(String variable, String group1, String group0, String test, double pValue, int n1, int n0) {
        public String formattedP() {
            return formatP(pValue);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public BaselineTable continuous(String variable, double[] group1, double[] group0, Summary summary) {
        double[] a = finite(group1), b = finite(group0);
        if (a.length < 2 || b.length < 2) {
            throw new ModelingException("Table 1: variable " + variable + " has fewer than 2 non-missing values in a group");
        }
        if (summary == Summary.MEAN_SD) {
            TTest.Result t = TTest.test(a, b, TTest.Variances.EQUAL);
            rows.add(new Row(variable, meanSd(a), meanSd(b), "t test", t.pValue(), a.length, b.length));
        } else {
            TestResult t = MannWhitneyU.test(a, b);
            rows.add(new Row(variable, medianIqr(a), medianIqr(b), "Mann-Whitney U", t.pValue(), a.length, b.length));
        }
        return this;
    }

    /** A 0/1 variable; NaN = missing. */
    public BaselineTable binary(String variable, double[] group1, double[] group0) {
        double[] a = finite(group1), b = finite(group0);
        long a1 = count(a), b1 = count(b);
        long[][] t = {{a1, a.length - a1}, {b1, b.length - b1}};
        double n = a.length + b.length;
        boolean small = false;
        double col1 = a1 + b1, col0 = n - col1;
        for (double rowTotal : new double[] {a.length, b.length}) {
            small |= rowTotal * col1 / n < 5 || rowTotal * col0 / n < 5;
        }
        double p;
        String test;
        if (col1 == 0 || col0 == 0) {
            p = 1;
            test = "none (one level only)";
        } else if (small) {
            p = FisherExactTest.test(t).pValue();
            test = "Fisher exact";
        } else {
            p = ChiSquareTest.test(t).pValue();
            test = "chi-square (Yates)";
        }
        rows.add(new Row(variable, countPct(a1, a.length), countPct(b1, b.length), test, p, a.length, b.length));
        return this;
    }

    static String meanSd(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return String.format(Locale.ROOT, "%.2f ± %.2f", m, Math.sqrt(ss / (x.length - 1)));
    }

    static String medianIqr(double[] x) {
        double[] s = x.clone();
        java.util.Arrays.sort(s);
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", q(s, 0.5), q(s, 0.25), q(s, 0.75));
    }

    private static double q(double[] s, double p) {
        double h = (s.length - 1) * p;
        int k = (int) Math.floor(h);
        return k + 1 >= s.length ? s[s.length - 1] : s[k] + (h - k) * (s[k + 1] - s[k]);
    }

    static String countPct(long k, int n) {
        return String.format(Locale.ROOT, "%d (%.1f%%)", k, n == 0 ? 0.0 : 100.0 * k / n);
    }

    public static String formatP(double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static long count(double[] x) {
        long k = 0;
        for (double v : x) {
            if (v != 0 && v != 1) {
                throw new ModelingException("Table 1: binary variable has value " + v);
            }
            k += (long) v;
        }
        return k;
    }

    private static double[] finite(double[] x) {
        return java.util.Arrays.stream(x).filter(Double::isFinite).toArray();
    }
}
