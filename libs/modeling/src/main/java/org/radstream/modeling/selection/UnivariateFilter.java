package org.radstream.modeling.selection;

import java.util.ArrayList;
import java.util.List;
import org.radstream.modeling.stats.MannWhitneyU;
import org.radstream.modeling.stats.OneWayAnova;

/**
 * Step 1 of feature selection: ANOVA (F test, ER vs non-ER) and Mann–Whitney U per feature on the training
 * cohort. A feature is kept when the rule holds at level α; its significance for later tie-breaking is the
 * smaller of the two p-values.
 */
public final class UnivariateFilter {
    /** EITHER keeps a feature significant by ANOVA or Mann–Whitney (default); BOTH needs both. */
    public enum Rule { EITHER, BOTH }

    /** One feature's univariate result. */
    public record FeatureP(String feature, double anovaP, double mannWhitneyP, boolean kept) {
        public double minP() {
            return Math.min(anovaP, mannWhitneyP);
        }
    }

    private UnivariateFilter() {
    }

    public static List<FeatureP> evaluate(List<String> names, double[][] columns, int[] y, double alpha, Rule rule) {
        List<FeatureP> out = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            double[] x = columns[j];
            double pa = OneWayAnova.test(x, y).pValue();
            double[] a = select(x, y, 1), b = select(x, y, 0);
            double pm = MannWhitneyU.test(a, b).pValue();
            boolean kept = rule == Rule.EITHER ? (pa < alpha || pm < alpha) : (pa < alpha && pm < alpha);
            out.add(new FeatureP(names.get(j), pa, pm, kept));
        }
        return out;
    }

    static double[] select(double[] x, int[] y, int cls) {
        int n = 0;
        for (int v : y) {
            if (v == cls) {
                n++;
            }
        }
        double[] o = new double[n];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (y[i] == cls) {
                o[k++] = x[i];
            }
        }
        return o;
    }
}
