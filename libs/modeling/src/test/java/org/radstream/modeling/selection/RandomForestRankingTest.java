package org.radstream.modeling.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The forest ranking is reproducible with a seed and puts informative features first. */
class RandomForestRankingTest {
    @Test
    void seededAndInformative() {
        Random r = new Random(3);
        int n = 63, p = 30;
        int[] y = new int[n];
        double[][] cols = new double[p][n];
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("f" + j);
        }
        for (int i = 0; i < n; i++) {
            y[i] = i < 27 ? 1 : 0;
            for (int j = 0; j < p; j++) {
                cols[j][i] = r.nextGaussian() + (j < 3 ? 1.5 * y[i] : 0);
            }
        }
        List<RandomForestRanking.Ranked> a = RandomForestRanking.rank(names, cols, y, 200, 42);
        for (int rep = 0; rep < 3; rep++) {
            List<RandomForestRanking.Ranked> b = RandomForestRanking.rank(names, cols, y, 200, 42);
            assertEquals(a, b, "same seed, same forest (repeat " + rep + ")");
        }
        assertTrue(Integer.parseInt(a.get(0).feature().substring(1)) < 3, "top feature " + a.get(0));
    }
}
