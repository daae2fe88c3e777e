package org.radstream.modeling.stats;

import org.apache.commons.math3.special.Gamma;
import org.radstream.modeling.ModelingException;

/**
 * Pearson's χ² test of independence for an r×c table of counts, as R's {@code chisq.test(t)}.
 * <pre>
 * E_ij = R_i C_j / N,  χ² = Σ (|O_ij − E_ij| − c)² / E_ij,  df = (r−1)(c−1)
 * c = min(½, |O−E|) for 2×2 tables (Yates, R's default correct = TRUE), 0 otherwise
 * </pre>
 */
public final class ChiSquareTest {
    /** Continuity correction for 2×2 tables. */
    public enum Correction { YATES, NONE }

    private ChiSquareTest() {
    }

    /** χ², df and p. */
    public record Result(double statistic, int df, double pValue) {
        public TestResult asTestResult() {
            return new TestResult(statistic, pValue);
        }
    }

    public static Result test(long[][] table) {
        return test(table, Correction.YATES);
    }

    public static Result test(long[][] table, Correction correction) {
        int r = table.length;
        if (r < 2) {
            throw new ModelingException("chi-square test needs at least 2 rows; got " + r);
        }
        int c = table[0].length;
        if (c < 2) {
            throw new ModelingException("chi-square test needs at least 2 columns; got " + c);
        }
        double[] rows = new double[r], cols = new double[c];
        double n = 0;
        for (int i = 0; i < r; i++) {
            if (table[i].length != c) {
                throw new ModelingException("chi-square table row " + i + " has " + table[i].length + " columns, expected " + c);
            }
            for (int j = 0; j < c; j++) {
                if (table[i][j] < 0) {
                    throw new ModelingException("chi-square table cell [" + i + "][" + j + "] is negative");
                }
                rows[i] += table[i][j];
                cols[j] += table[i][j];
                n += table[i][j];
            }
        }
        boolean yates = correction == Correction.YATES && r == 2 && c == 2;
        double stat = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double e = rows[i] * cols[j] / n;
                if (e == 0) {
                    throw new ModelingException("chi-square table has an empty row or column (" + (rows[i] == 0 ? "row " + i : "column " + j) + ")");
                }
                double d = Math.abs(table[i][j] - e);
                if (yates) {
                    d -= Math.min(0.5, d);
                }
                stat += d * d / e;
            }
        }
        int df = (r - 1) * (c - 1);
        double p = Gamma.regularizedGammaQ(df / 2.0, stat / 2.0); // upper tail, keeps small p precise
        return new Result(stat, df, p);
    }
}
