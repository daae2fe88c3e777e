package org.radstream.modeling.metrics;

import java.util.Arrays;

/** Sample quantiles, R's default type 7: Q(p) = x₍ₖ₎ + (h − k)(x₍ₖ₊₁₎ − x₍ₖ₎), h = (n − 1)p, 0-based. */
public final class Quantiles {
    private Quantiles() {
    }

    public static double type7(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        return sorted(s, p);
    }

    static double sorted(double[] s, double p) {
        double h = (s.length - 1) * p;
        int k = (int) Math.floor(h);
        if (k + 1 >= s.length) {
            return s[s.length - 1];
        }
        return s[k] + (h - k) * (s[k + 1] - s[k]);
    }
}
