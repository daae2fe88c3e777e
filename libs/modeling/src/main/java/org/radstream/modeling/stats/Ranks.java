package org.radstream.modeling.stats;

import java.util.Arrays;
import java.util.Comparator;

/** Mid-ranks (ties get the average rank, as R's {@code rank(ties.method = "average")}). */
final class Ranks {
    private Ranks() {
    }

    static double[] midRanks(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    /** Sizes of the tie groups (runs of equal values), for tie corrections. */
    static int[] tieSizes(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int[] out = new int[s.length];
        int m = 0, i = 0;
        while (i < s.length) {
            int j = i;
            while (j + 1 < s.length && s[j + 1] == s[i]) {
                j++;
            }
            out[m++] = j - i + 1;
            i = j + 1;
        }
        return Arrays.copyOf(out, m);
    }
}
