package org.radstream.modeling.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/**
 * Step 3: random-forest importance (Smile 3.1.1 RandomForest, Gini impurity decrease summed over trees),
 * seeded: every tree gets its own seed from {@code new Random(seed)}  (Smile seeds each tree's
 * thread-local RNG, only for seeds &gt; 1, so they are drawn positive), so the ranking is reproducible.
 * Settings follow Smile's (and randomForest's) defaults: 500 trees, mtry = ⌊√p⌋, node size 5,
 * max depth 20, max nodes n/5, bootstrap samples of size n. Ties in importance are broken by name.
 */
public final class RandomForestRanking {
    private RandomForestRanking() {
    }

    public record Ranked(String feature, double importance) {
    }

    public static List<Ranked> rank(List<String> names, double[][] columns, int[] y, int trees, long seed) {
        int n = y.length, p = names.size();
        double[][] rows = new double[n][p];
        String[] cols = new String[p];
        for (int j = 0; j < p; j++) {
            cols[j] = "f" + j; // Smile column names; the real names may contain characters formulas reject
            for (int i = 0; i < n; i++) {
                rows[i][j] = columns[j][i];
            }
        }
        DataFrame df = DataFrame.of(rows, cols).merge(IntVector.of("y", y));
        Random rnd = new Random(seed);
        long[] seeds = new long[trees];
        for (int t = 0; t < trees; t++) {
            // Smile reseeds a tree's thread-local RNG only for seeds > 1 (others leave it unseeded)
            seeds[t] = (rnd.nextLong() >>> 2) + 2;
        }
        int mtry = Math.max(1, (int) Math.floor(Math.sqrt(p)));
        RandomForest rf = RandomForest.fit(Formula.lhs("y"), df, trees, mtry, SplitRule.GINI, 20,
                Math.max(2, n / 5), 5, 1.0, null, LongStream.of(seeds));
        double[] imp = rf.importance();
        List<Ranked> out = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            out.add(new Ranked(names.get(j), imp[j]));
        }
        out.sort(Comparator.comparingDouble(Ranked::importance).reversed().thenComparing(Ranked::feature));
        return out;
    }

    static double[] copy(double[] x) {
        return Arrays.copyOf(x, x.length);
    }
}
