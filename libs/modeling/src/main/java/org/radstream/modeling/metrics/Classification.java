package org.radstream.modeling.metrics;

import java.util.Arrays;
import org.radstream.modeling.Checks;

/**
 * Threshold choice and the confusion-matrix metrics at a threshold. A case is called positive when its
 * score is ≥ the threshold (candidate thresholds are midpoints between distinct scores, as pROC, so ≥ and
 * &gt; agree on the data the threshold was chosen on).
 */
public final class Classification {
    private Classification() {
    }

    /** Accuracy, sensitivity and specificity at a threshold. */
    public record Performance(double threshold, double accuracy, double sensitivity, double specificity) {
    }

    /**
     * The Youden threshold: maximises sensitivity + specificity − 1 over the midpoints between consecutive
     * distinct scores (pROC {@code coords(r, "best", best.method = "youden")}); ties go to the lowest threshold.
     */
    public static double youdenThreshold(double[] scores, int[] y, String what) {
        Checks.sameLength(what + " scores", scores.length, what + " outcomes", y.length);
        Checks.bothClasses(what + " outcome", y);
        double[] u = Arrays.stream(scores).distinct().sorted().toArray();
        double best = Double.NEGATIVE_INFINITY, bestT = Double.NaN;
        for (int k = 0; k + 1 < u.length; k++) {
            double t = (u[k] + u[k + 1]) / 2;
            Performance p = at(scores, y, t);
            double j = p.sensitivity() + p.specificity();
            if (j > best + 1e-12) {
                best = j;
                bestT = t;
            }
        }
        if (Double.isNaN(bestT)) {
            throw new org.radstream.modeling.ModelingException(what + ": all scores are equal; no threshold separates the cases");
        }
        return bestT;
    }

    public static Performance at(double[] scores, int[] y, double threshold) {
        Checks.sameLength("scores", scores.length, "outcomes", y.length);
        int tp = 0, tn = 0, fp = 0, fn = 0;
        for (int i = 0; i < y.length; i++) {
            boolean pos = scores[i] >= threshold;
            if (y[i] == 1) {
                if (pos) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (pos) {
                fp++;
            } else {
                tn++;
            }
        }
        return new Performance(threshold, (tp + tn) / (double) y.length,
                tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn), tn + fp == 0 ? Double.NaN : tn / (double) (tn + fp));
    }
}
