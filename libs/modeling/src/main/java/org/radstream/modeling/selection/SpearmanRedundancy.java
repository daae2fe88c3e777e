package org.radstream.modeling.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Step 2: redundancy removal by Spearman correlation. Features are visited from the most significant
 * (smallest univariate p, then name) down; a feature is kept unless |ρ| &gt; threshold with a feature already
 * kept. So of a correlated pair the more significant one survives, deterministically.
 * <pre>ρ = Pearson correlation of the mid-ranks (ties averaged), as R's cor(method = "spearman")</pre>
 */
public final class SpearmanRedundancy {
    private SpearmanRedundancy() {
    }

    /** A feature dropped as redundant, and the kept feature it correlates with. */
    public record Dropped(String feature, String keptInstead, double rho) {
    }

    public record Result(List<String> kept, List<Dropped> dropped) {
    }

    /**
     * @param names   features (all passed the univariate filter)
     * @param columns training values per feature
     * @param pValues significance per feature (smaller = more significant)
     */
    public static Result select(List<String> names, double[][] columns, double[] pValues, double threshold) {
        Integer[] order = new Integer[names.size()];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> pValues[j]).thenComparing(names::get));
        List<Integer> kept = new ArrayList<>();
        List<double[]> keptRanks = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        for (int j : order) {
            double[] r = centredRanks(columns[j]);
            String redundantWith = null;
            double rho = 0;
            for (int k = 0; k < kept.size(); k++) {
                double c = corr(r, keptRanks.get(k));
                if (Math.abs(c) > threshold) {
                    redundantWith = names.get(kept.get(k));
                    rho = c;
                    break;
                }
            }
            if (redundantWith == null) {
                kept.add(j);
                keptRanks.add(r);
            } else {
                dropped.add(new Dropped(names.get(j), redundantWith, rho));
            }
        }
        return new Result(kept.stream().map(names::get).toList(), dropped);
    }

    public static double spearman(double[] x, double[] y) {
        return corr(centredRanks(x), centredRanks(y));
    }

    /** Mid-ranks minus their mean, scaled to unit norm (so a dot product is the correlation). */
    private static double[] centredRanks(double[] x) {
        double[] r = org.radstream.modeling.stats.RankTransform.midRanks(x);
        double m = 0;
        for (double v : r) {
            m += v;
        }
        m /= r.length;
        double ss = 0;
        for (int i = 0; i < r.length; i++) {
            r[i] -= m;
            ss += r[i] * r[i];
        }
        double norm = Math.sqrt(ss);
        for (int i = 0; i < r.length; i++) {
            r[i] = norm > 0 ? r[i] / norm : 0;
        }
        return r;
    }

    private static double corr(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
